using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Aura.Core.Json;
using Aura.Output;
using Aura.Server.Jetson;

namespace Aura.Cli.MultiCall;

/// <summary>
/// JetsonScope's helper programs, run as <c>jetson_scope_release</c>, <c>jetson_scope_swap</c>, <c>jetson_scope_env</c>
/// and <c>jetson_scope_snapshot</c> (hidden as `aura jetsonscope-helper NAME`): the board's metadata, swap use, the
/// JetsonScope and Tegra variables in effect, and the daemon's stats written to <c>snapshot.json</c>.
/// </summary>
internal static class LegacyHelperCommand
{
    public const string Name = "jetsonscope-helper";

    /// <summary>Every variable JetsonScope read, newest name first, then its Tegra fallback.</summary>
    private static readonly string[] Variables =
    [
        "JETSONSCOPE_SOCKET_PATH", "TEGRA_SOCKET_PATH", "JETSONSCOPE_PROTO", "TEGRA_PROTO", "JETSONSCOPE_AUTH_TOKEN", "TEGRA_AUTH_TOKEN",
        "JETSONSCOPE_TUI_MODE", "TEGRA_TUI_MODE", "JETSONSCOPE_STATS_CMD", "TEGRASTATS_CMD", "JETSONSCOPE_HTTP_ADDR", "JETSONSCOPE_METRICS_TOKEN",
        "JETSONSCOPE_TELEMETRY_LOG", "JETSONSCOPE_TELEMETRY_INTERVAL",
    ];

    public static Command Create()
    {
        var helper = new Argument<string>("helper") { Description = "release, swap, env or snapshot" };
        var file = new Argument<string?>("file") { Description = "snapshot: the file to write (default snapshot.json)", Arity = ArgumentArity.ZeroOrOne };
        var socket = new Option<string?>("--socket") { Description = "The daemon's socket.", HelpName = "path" };
        var command = new Command(Name, "JetsonScope's jetson_scope_* helpers.") { Hidden = true };
        command.Arguments.Add(helper);
        command.Arguments.Add(file);
        command.Options.Add(socket);
        command.SetAction((parse, cancellationToken) =>
        {
            var path = DaemonAddress.Resolve(socket: parse.GetValue(socket)).Socket;
            return parse.GetValue(helper) switch
            {
                "release" => ClientCommands.RunAsync(path, SocketRequest.GetMeta, json: false, ClientText.WriteMeta, cancellationToken),
                "swap" => ClientCommands.RunAsync(path, SocketRequest.GetStats, json: false, WriteSwap, cancellationToken),
                "snapshot" => ClientCommands.RunAsync(path, SocketRequest.GetStats, json: false, (output, answer) => WriteSnapshot(output, answer, parse.GetValue(file) ?? "snapshot.json"), cancellationToken),
                "env" => Task.FromResult(WriteEnvironment(Console.Out)),
                var other => throw new UsageException($"unknown helper '{other}'; use release, swap, env or snapshot"),
            };
        });
        return command;
    }

    private static void WriteSwap(TextWriter output, JsonElement answer)
    {
        if (!answer.GetProperty("Stats").TryGetProperty("snapshot", out var json) || json.ValueKind != JsonValueKind.Object)
        {
            output.WriteLine("no snapshot yet");
            return;
        }

        var memory = json.Deserialize(AuraJsonContext.Default.Snapshot)!.Memory;
        output.WriteLine(memory.SwapTotalBytes == 0
            ? "swap     none"
            : string.Create(CultureInfo.InvariantCulture, $"swap     {Units.Bytes(memory.SwapUsedBytes)} used of {Units.Bytes(memory.SwapTotalBytes)} ({memory.SwapUsedRatio * 100:0.0}%)"));
    }

    private static void WriteSnapshot(TextWriter output, JsonElement answer, string file)
    {
        File.WriteAllText(file, answer.GetProperty("Stats").GetRawText() + "\n");
        output.WriteLine($"wrote {Path.GetFullPath(file)}");
    }

    private static int WriteEnvironment(TextWriter output)
    {
        foreach (var name in Variables)
        {
            var value = Environment.GetEnvironmentVariable(name);
            output.WriteLine(value is null ? $"{name} (unset)" : name.EndsWith("TOKEN", StringComparison.Ordinal) ? $"{name}=(set, hidden)" : $"{name}={value}");
        }

        return ExitCodes.Ok;
    }
}
