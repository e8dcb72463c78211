using System.Collections.Immutable;
using System.Net.Sockets;
using System.Text.Json;
using Aura.Server.Jetson;

namespace Aura.Tui.Data;

/// <summary>
/// JetsonScope's control keys go through the daemon's socket with the control key, exactly as `aura controls set`
/// does: the daemon checks the key and its scope, applies the change and audits it; its refusal comes back as text.
/// </summary>
internal static class DaemonControls
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<ImmutableArray<TopControl>> ListAsync(string socket, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await AskAsync(socket, SocketRequest.ListControls, cancellationToken));
        if (Refusal(document.RootElement) is { } refusal)
        {
            throw new TopFeedException(refusal);
        }

        var list = ImmutableArray.CreateBuilder<TopControl>();
        foreach (var control in document.RootElement.GetProperty("Controls").EnumerateArray())
        {
            list.Add(TopControl.From(control));
        }

        return list.ToImmutable();
    }

    /// <summary>The status line after a change: the new state, or the daemon's refusal.</summary>
    public static async Task<string> SetAsync(string socket, string control, string value, string? key, CancellationToken cancellationToken)
    {
        string answer;
        try
        {
            answer = await AskAsync(socket, SocketRequest.SetControl(control, value, key), cancellationToken);
        }
        catch (TopFeedException e)
        {
            return e.Message;
        }

        using var document = JsonDocument.Parse(answer);
        if (Refusal(document.RootElement) is { } refusal)
        {
            return $"the daemon refused {control} = {value}: {refusal}";
        }

        var state = TopControl.From(document.RootElement.GetProperty("ControlState"));
        return $"{state.Name} is now {state.Value}{state.Unit}";
    }

    private static string? Refusal(JsonElement root) =>
        root.TryGetProperty("Error", out var error)
            ? $"{error.GetProperty("code").GetString()}: {error.GetProperty("message").GetString()}"
            : null;

    private static async Task<string> AskAsync(string socket, SocketRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            return await JetsonSocketClient.RequestAsync(socket, request, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            throw new TopFeedException($"the daemon on {socket} does not answer ({e.Message})", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TopFeedException($"the daemon on {socket} did not answer within {Timeout.TotalSeconds:0} s", e);
        }
    }
}
