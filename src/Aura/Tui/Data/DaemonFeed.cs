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

    public string Address => socketPath;

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
        ReadOnlyMemory<byte> answer;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            answer = await JetsonSocketClient.RequestBytesAsync(socketPath, SocketRequest.GetStats, JsonMessageCodec.Instance, timeout.Token);
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
            return Parse(answer.Span);
        }
        catch (JsonException e)
        {
            throw new TopFeedException($"the answer on {socketPath} is not Aura's JSON ({e.Message})", e);
        }
    }

    /// <summary>
    /// Reads <c>{"Stats":{..., "snapshot":{...}}}</c> straight into the snapshot, skipping the JetsonScope view beside it;
    /// null when the answer has no snapshot (JetsonScope's own daemon, or Aura's before its first tick).
    /// </summary>
    private Snapshot? Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            throw new JsonException("expected an object with one variant");
        }

        if (!reader.ValueTextEquals("Stats"u8))
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var message = document.RootElement.TryGetProperty("Error", out var error) && error.TryGetProperty("message", out var m) ? m.GetString() : "an answer that is not Stats";
            throw new TopFeedException($"the daemon on {socketPath} refused: {message}");
        }

        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isSnapshot = reader.ValueTextEquals("snapshot"u8);
            reader.Read();
            if (isSnapshot)
            {
                return JsonSerializer.Deserialize(ref reader, AuraJsonContext.Default.Snapshot);
            }

            reader.Skip();
        }

        return null;
    }

    public void Dispose()
    {
    }
}
