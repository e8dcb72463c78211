using System.CommandLine;
using System.Text.Json;
using Aura.Server.Jetson;

namespace Aura.Cli.MultiCall;

/// <summary>
/// <c>jscopectl stats|meta|list|set NAME VALUE|health</c> (hidden as `aura jetsonscope-ctl`): asks the daemon as `aura
/// stats` does but prints what JetsonScope's jscopectl printed, so scripts that read its lines keep working. Its exit
/// codes too: 0, or 1 with <c>Error: ...</c> (<c>Error [code]: message</c> for the daemon's refusal) on stderr.
/// <c>--json</c> prints the daemon's answer as it came.
/// </summary>
internal static class JscopectlCommand
{
    public const string Name = "jetsonscope-ctl";

    public static Command Create()
    {
        var request = new Argument<string>("request") { Description = "stats, meta, list, set or health" };
        var control = new Argument<string?>("control") { Arity = ArgumentArity.ZeroOrOne };
        var value = new Argument<string?>("value") { Arity = ArgumentArity.ZeroOrOne };
        var options = new ClientOptions();
        var command = new Command(Name, "JetsonScope's jscopectl.") { Hidden = true };
        command.Arguments.Add(request);
        command.Arguments.Add(control);
        command.Arguments.Add(value);
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var socket = ClientCommands.SocketPath(parse, options);
            (SocketRequest? Message, Action<TextWriter, JsonElement> Write) chosen = parse.GetValue(request) switch
            {
                "stats" => (SocketRequest.GetStats, JscopectlText.WriteStats),
                "meta" => (SocketRequest.GetMeta, JscopectlText.WriteMeta),
                "list" => (SocketRequest.ListControls, JscopectlText.WriteControls),
                "health" => (SocketRequest.GetHealth, JscopectlText.WriteHealth),
                "set" when parse.GetValue(control) is { } name && parse.GetValue(value) is { } setting =>
                    (SocketRequest.SetControl(name, setting, ControlsCommand.Key(parse.GetValue(options.Config))), JscopectlText.WriteControlState),
                "set" => (null, NoText),
                var other => throw new UsageException($"jscopectl: unknown command '{other}'; use stats, meta, list, set NAME VALUE or health"),
            };
            var (message, write) = chosen;
            if (message is null)
            {
                return await FailAsync("Usage: jscopectl set <control> <value>");
            }

            // A bad JETSONSCOPE_PROTO is a usage error (exit 2) before anything else.
            _ = SocketProtocol.FromEnvironment(Environment.GetEnvironmentVariable);
            if (!File.Exists(socket))
            {
                return await FailAsync($"Socket not found: {socket}");
            }

            return await ClientCommands.RunAsync(socket, message, parse.GetValue(options.Json), write, cancellationToken, JscopectlText.Refusal);
        });
        return command;
    }

    private static void NoText(TextWriter output, JsonElement answer)
    {
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync("Error: " + message);
        return ExitCodes.Failure;
    }
}
