using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Aura.Agent.Screen;
using Aura.Agent.X11;

namespace Aura.Cli.Agent;

/// <summary>
/// `aura agent bench`: times capture and diff on a live display (bench/agent/capture-vs-scrot.sh runs it beside AuraOS's way).
/// Prints p50/p95 per stage and the bytes allocated per frame in steady state.
/// </summary>
internal static class AgentBenchCommand
{
    private const int Warmup = 30;

    public static Command Create()
    {
        var frames = new Option<string?>("--frames") { Description = "Frames to time (default 300).", HelpName = "n" };
        var display = AgentDiffCommand.DisplayOption();
        var command = new Command("bench", "Time screen capture and the grid diff on this display (for bench/agent/capture-vs-scrot.sh).");
        command.Options.Add(frames);
        command.Options.Add(display);
        command.SetAction((parse, cancellationToken) =>
        {
            var count = NumberArgument.Count("--frames", parse.GetValue(frames)) ?? 300;
            var name = DisplayTarget.Resolve(parse.GetValue(display), Environment.GetEnvironmentVariable);
            return AgentCommand.GuardAsync(() => Task.FromResult(Run(name, count)));
        });
        return command;
    }

    private static int Run(string display, int frames)
    {
        using var capture = ScreenCapture.Open(display);
        var diff = new GridDiff(capture.Width, capture.Height, DiffSettings.AuraOs);
        var captureMs = new double[frames];
        var diffMs = new double[frames];
        var totalMs = new double[frames];
        for (var i = 0; i < Warmup; i++)
        {
            diff.Compare(capture.Capture());
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < frames; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var frame = capture.Capture();
            var captured = Stopwatch.GetTimestamp();
            diff.Compare(frame);
            var done = Stopwatch.GetTimestamp();
            captureMs[i] = Stopwatch.GetElapsedTime(start, captured).TotalMilliseconds;
            diffMs[i] = Stopwatch.GetElapsedTime(captured, done).TotalMilliseconds;
            totalMs[i] = Stopwatch.GetElapsedTime(start, done).TotalMilliseconds;
        }

        var perFrame = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)frames;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"screen {capture.Width}x{capture.Height} via {(capture.UsesSharedMemory ? "MIT-SHM XShmGetImage" : "XGetImage")}, {frames} frames"));
        Console.WriteLine(Line("capture", captureMs));
        Console.WriteLine(Line("diff", diffMs));
        Console.WriteLine(Line("capture+diff", totalMs));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated per frame: {perFrame:0.#} bytes"));
        return ExitCodes.Ok;
    }

    private static string Line(string stage, double[] ms)
    {
        Array.Sort(ms);
        return string.Create(CultureInfo.InvariantCulture, $"{stage,-13} p50 {ms[ms.Length / 2]:0.000} ms  p95 {ms[(int)(ms.Length * 0.95)]:0.000} ms");
    }
}
