using System.Net.Sockets;
using System.Text.Json;
using Aura.Core.Json;
using Aura.Core.Model;
using Aura.Server.Jetson;

namespace Aura.Tui.Data;

/// <summary>
/// Client mode: asks the daemon's JetsonScope socket for <c>GetStats</c> once per refresh and reads Aura's whole
/// snapshot from its <c>snapshot</c> member. The daemon samples; `aura top` never reads /proc itself then.
/// </summary>
internal sealed class DaemonFeed(string socketPath) : ITopFeed
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public string SocketPath => socketPath;

    public string Description => $"daemon {socketPath}";

    public bool IsDaemon => true;

    /// <summary>True when a daemon answers on <paramref name="path"/> now.</summary>
    public static async Task<bool> AnswersAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var feed = new DaemonFeed(path);
            await feed.ReadAsync(cancellationToken);
            return true;
        }
        catch (TopFeedException)
        {
            return false;
        }
    }

    public async Task<Snapshot?> ReadAsync(CancellationToken cancellationToken)
    {
        string answer;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            answer = await JetsonSocketClient.RequestAsync(socketPath, SocketRequest.GetStats, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            throw new TopFeedException($"the daemon on {socketPath} does not answer ({e.Message})", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TopFeedException($"the daemon on {socketPath} did not answer within {Timeout.TotalSeconds:0} s", e);
        }

        try
        {
            using var document = JsonDocument.Parse(answer);
            var root = document.RootElement;
            if (root.TryGetProperty("Error", out var error))
            {
                throw new TopFeedException($"the daemon refused: {error.GetProperty("message").GetString()}");
            }

            if (!root.TryGetProperty("Stats", out var stats) || !stats.TryGetProperty("snapshot", out var snapshot))
            {
                // JetsonScope's own daemon answers without Aura's snapshot; its first tick may not be taken yet either.
                return null;
            }

            return snapshot.Deserialize(AuraJsonContext.Default.Snapshot);
        }
        catch (JsonException e)
        {
            throw new TopFeedException($"the answer on {socketPath} is not Aura's JSON ({e.Message})", e);
        }
    }

    public void Dispose()
    {
    }
}
