using System.CommandLine;
using System.Text.Json;
using Aura.Agent;
using Aura.Agent.Screen;
using Aura.Agent.X11;

namespace Aura.Cli.Agent;

/// <summary>`aura agent diff`: capture the screen and print what changed since the previous frame, in AuraOS's shape.</summary>
internal static class AgentDiffCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per frame (changed_regions, is_first_frame, screen_width, screen_height, summary)." };
        var watch = new Option<bool>("--watch") { Description = "Keep capturing, one report per interval, until Ctrl-C." };
        var interval = new Option<string?>("--interval") { Description = "Seconds between frames with --watch (default 1).", HelpName = "seconds" };
        var count = new Option<string?>("--count") { Description = "Stop --watch after n frames.", HelpName = "n" };
        var display = DisplayOption();
        var noOcr = new Option<bool>("--no-ocr") { Description = "Do not run tesseract on the changed regions." };
        var command = new Command("diff", "Capture the X screen and print the changed regions and a summary (the first frame is the whole screen).");
        foreach (var option in new Option[] { json, watch, interval, count, display, noOcr })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            var seconds = NumberArgument.Seconds("--interval", parse.GetValue(interval));
            var frames = NumberArgument.Count("--count", parse.GetValue(count));
            var watching = parse.GetValue(watch);
            if (!watching && (seconds is not null || frames is not null))
            {
                throw new UsageException("--interval and --count need --watch");
            }

            return AgentCommand.GuardAsync(() => RunAsync(
                DisplayTarget.Resolve(parse.GetValue(display), Environment.GetEnvironmentVariable),
                parse.GetValue(json), watching ? frames ?? int.MaxValue : 1, TimeSpan.FromSeconds(seconds ?? 1), !parse.GetValue(noOcr), cancellationToken));
        });
        return command;
    }

    public static Option<string?> DisplayOption() =>
        new("--display") { Description = "The X display, e.g. :1 (default: DISPLAY).", HelpName = "display" };

    private static async Task<int> RunAsync(string display, bool json, int frames, TimeSpan interval, bool ocr, CancellationToken cancellationToken)
    {
        using var session = DiffSession.Open(display, ocr ? Environment.GetEnvironmentVariable("PATH") : null);
        using var timer = new PeriodicTimer(interval);
        for (var i = 0; i < frames; i++)
        {
            if (i > 0 && !await timer.WaitForNextTickAsync(cancellationToken))
            {
                break;
            }

            var report = session.Next();
            await Console.Out.WriteLineAsync(json ? JsonSerializer.Serialize(report, AgentJsonContext.Default.DiffReport) : report.Summary);
            await Console.Out.FlushAsync(cancellationToken);
        }

        return ExitCodes.Ok;
    }
}
