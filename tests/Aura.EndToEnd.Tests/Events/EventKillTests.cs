using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Aura.EndToEnd.Tests.Events;

/// <summary>The real `aura serve` killed with SIGKILL under POST load: every acknowledged event is there after a restart.</summary>
public sealed class EventKillTests : IDisposable
{
    private const string Key = "kill-test-key-0123456789abcdef";
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-events-kill-");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public async Task Sigkill_UnderLoad_LosesNoAcknowledgedEvent()
    {
        var config = Path.Combine(_home.FullName, "aura.toml");
        await File.WriteAllTextAsync(config, $"[server]\napi_keys = [\"{Key}\"]\n");
        string[] args = ["serve", "--port", "0", "--config", config, "--db-path", Path.Combine(_home.FullName, "t.sqlite"), "--socket", Path.Combine(_home.FullName, "aura.sock")];

        var acknowledged = new ConcurrentDictionary<long, string>();
        await using (var serve = AuraProcess.Start(_home.FullName, args))
        {
            var url = await ListeningAsync(serve);
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) };
            using var killed = new CancellationTokenSource();
            var posters = Enumerable.Range(0, 16).Select(worker => Task.Run(() => PostUntilRefusedAsync(http, worker, acknowledged, killed.Token))).ToArray();

            await Eventually.TrueAsync(() => acknowledged.Count >= 2000, "2000 events acknowledged under load", TimeSpan.FromSeconds(60));
            await serve.SignalAndWaitAsync("KILL");
            await killed.CancelAsync();
            await Task.WhenAll(posters);
        }

        await using var restarted = AuraProcess.Start(_home.FullName, args);
        var again = await ListeningAsync(restarted);
        using var reader = new HttpClient { BaseAddress = again };
        var stored = await ReadEverythingAsync(reader);

        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(2000);
        var missing = acknowledged.Where(pair => !stored.TryGetValue(pair.Key, out var message) || message != pair.Value).Select(pair => pair.Key).ToList();
        missing.ShouldBeEmpty($"{missing.Count} of {acknowledged.Count} acknowledged events are missing after SIGKILL");
    }

    private static async Task<Uri> ListeningAsync(AuraProcess serve)
    {
        var listening = (await serve.WaitReadyAsync()).Http;
        return listening;
    }

    private static async Task PostUntilRefusedAsync(HttpClient http, int worker, ConcurrentDictionary<long, string> acknowledged, CancellationToken killed)
    {
        for (var n = 0; !killed.IsCancellationRequested; n++)
        {
            var message = string.Create(CultureInfo.InvariantCulture, $"w{worker}-{n}");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/events", UriKind.Relative))
            {
                Content = new StringContent($$"""{"source":"load","event_type":"tick","message":"{{message}}"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-API-Key", Key);
            try
            {
                using var response = await http.SendAsync(request, CancellationToken.None);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    return;
                }

                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None));
                acknowledged[body.RootElement.GetProperty("event_id").GetInt64()] = message;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                return;
            }
        }
    }

    private static async Task<Dictionary<long, string>> ReadEverythingAsync(HttpClient http)
    {
        var stored = new Dictionary<long, string>();
        var next = "/events?source=load&limit=1000";
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(next, UriKind.Relative));
            request.Headers.Add("X-API-Key", Key);
            using var response = await http.SendAsync(request);
            var body = await Json.ReadAsync(response);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
            foreach (var e in body.GetProperty("events").EnumerateArray())
            {
                stored[e.GetProperty("id").GetInt64()] = e.GetProperty("message").GetString()!;
            }

            if (body.GetProperty("next_before_id").ValueKind == JsonValueKind.Null)
            {
                return stored;
            }

            next = $"/events?source=load&limit=1000&before_id={body.GetProperty("next_before_id").GetInt64()}";
        }
    }
}
