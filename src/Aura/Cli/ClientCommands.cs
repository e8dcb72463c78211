using System.CommandLine;
using System.Net.Sockets;
using System.Text.Json;
using Aura.Server.Jetson;

namespace Aura.Cli;

/// <summary>
/// `aura stats`, `aura meta`, `aura health`: ask a running daemon over its socket (as jscopectl did). Text by default;
/// <c>--json</c> prints the daemon's answer as it came. Exit 1 when no daemon answers.
/// </summary>
internal static class ClientCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Client("stats", "Print the running daemon's latest snapshot.", SocketRequest.GetStats, ClientText.WriteStats);
        yield return Client("meta", "Print the running daemon's hardware metadata.", SocketRequest.GetMeta, ClientText.WriteMeta);
        yield return Client("health", "Print the running daemon's health: uptime, ticks, clients, errors.", SocketRequest.GetHealth, ClientText.WriteHealth);
    }

    private static Command Client(string name, string description, SocketRequest request, Action<TextWriter, JsonElement> writeText)
    {
        var options = new ClientOptions();
        var command = new Command(name, description);
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            RunAsync(SocketPath(parse, options), request, parse.GetValue(options.Json), writeText, cancellationToken));
        return command;
    }

    internal static string SocketPath(ParseResult parse, ClientOptions options) =>
        DaemonAddress.Resolve(socket: parse.GetValue(options.Socket), configFile: parse.GetValue(options.Config)).Socket;

    /// <summary>Asks the daemon and prints its answer; a refusal goes to stderr through <paramref name="refusal"/> (code, message), exit 1.</summary>
    internal static async Task<int> RunAsync(
        string socket, SocketRequest request, bool json, Action<TextWriter, JsonElement> writeText, CancellationToken cancellationToken, Func<string, string, string>? refusal = null)
    {
        string answer;
        var codec = SocketProtocol.FromEnvironment(Environment.GetEnvironmentVariable);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            answer = await JetsonSocketClient.RequestAsync(socket, request, codec, timeout.Token);
        }
        catch (SocketException)
        {
            await Console.Error.WriteLineAsync($"aura: no Aura daemon answers on {socket}; start one with `aura serve`");
            return ExitCodes.Failure;
        }
        catch (Aura.Core.Cbor.CborException e)
        {
            await Console.Error.WriteLineAsync($"aura: the daemon on {socket} answered with broken CBOR: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"aura: the daemon on {socket} did not answer within 10 s");
            return ExitCodes.Failure;
        }

        using var document = JsonDocument.Parse(answer);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Error", out var error))
        {
            var (code, message) = (error.GetProperty("code").GetString() ?? "", error.GetProperty("message").GetString() ?? "");
            await Console.Error.WriteLineAsync(refusal is null ? $"aura: {code}: {message}" : refusal(code, message));
            return ExitCodes.Failure;
        }

        if (json)
        {
            await Console.Out.WriteLineAsync(answer);
        }
        else
        {
            writeText(Console.Out, root);
        }

        await Console.Out.FlushAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
