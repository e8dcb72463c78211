#:project ../../src/Aura.Server/Aura.Server.csproj
#:property TieredPGO=false
#:property PublishAot=false

// Load harness for `aura serve`'s shared-tick surfaces, hosting the same AuraServer in-process on this machine's real
// sources at 1 Hz:
//   1. /metrics latency under concurrent scrapers (each scraping at a fixed rate), as p50/p99/max;
//   2. the sampler's tick rate with no clients and with 100 WebSocket clients, and samples taken per tick.
// Usage: dotnet run bench/load/metrics-load.cs -- [seconds per phase = 30] [scrapers = 20] [scrapes/s each = 10] [ws clients = 100]
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using Aura.Core.Model;
using Aura.Server.Hosting;
using Aura.Telemetry;

var seconds = Arg(0, 30);
var scrapers = Arg(1, 20);
var rate = Arg(2, 10);
var wsClients = Arg(3, 100);

using var real = SnapshotSources.Create(new SamplerOptions { SearchPath = Environment.GetEnvironmentVariable("PATH") }, TimeProvider.System);
var source = new CountingSource(real);
await using var daemon = AuraDaemon.Build(new AuraSettings { Server = new ServerOptions { Port = 0 } }, new DaemonParts { Source = source });
var server = daemon.Server;
await server.StartAsync(CancellationToken.None);
using var http = new HttpClient { BaseAddress = server.Address };
Console.WriteLine($"aura serve (in-process) at {server.Address}, {Environment.ProcessorCount} cores, {seconds} s per phase");

// Warm up the JIT on every path before measuring.
for (var i = 0; i < 200; i++)
{
    await http.GetByteArrayAsync(new Uri("/metrics", UriKind.Relative));
}

var (idleTicks, idleSamples) = await CountTicks(server, source, seconds);
Console.WriteLine(Invariant($"idle:            {idleTicks / (double)seconds:0.000} ticks/s, {idleSamples / (double)idleTicks:0.000} samples per tick"));

var latencies = new List<double>();
var stop = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, scrapers).Select(async _ =>
{
    var mine = new List<double>();
    var period = TimeSpan.FromSeconds(1.0 / rate);
    using var timer = new PeriodicTimer(period);
    while (stop.Elapsed.TotalSeconds < seconds && await timer.WaitForNextTickAsync())
    {
        var started = Stopwatch.GetTimestamp();
        var body = await http.GetByteArrayAsync(new Uri("/metrics", UriKind.Relative));
        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (body.Length == 0)
        {
            throw new InvalidOperationException("empty /metrics");
        }
    }

    lock (latencies)
    {
        latencies.AddRange(mine);
    }
}));
latencies.Sort();
Console.WriteLine(Invariant(
    $"/metrics:        {latencies.Count} scrapes by {scrapers} scrapers at {rate}/s each: p50 {Percentile(latencies, 50):0.00} ms, p99 {Percentile(latencies, 99):0.00} ms, max {latencies[^1]:0.00} ms"));

var sockets = new List<ClientWebSocket>();
for (var i = 0; i < wsClients; i++)
{
    var socket = new ClientWebSocket();
    await socket.ConnectAsync(new UriBuilder(new Uri(server.Address, "/ws/stats")) { Scheme = "ws" }.Uri, CancellationToken.None);
    sockets.Add(socket);
}

using var reading = new CancellationTokenSource();
var received = new long[wsClients];
var readers = sockets.Select((socket, i) => Task.Run(async () =>
{
    var buffer = new byte[256 * 1024];
    try
    {
        while (!reading.IsCancellationRequested)
        {
            var result = await socket.ReceiveAsync(buffer, reading.Token);
            if (result.EndOfMessage)
            {
                Interlocked.Increment(ref received[i]);
            }
        }
    }
    catch (OperationCanceledException)
    {
    }
})).ToList();
var (wsTicks, wsSamples) = await CountTicks(server, source, seconds);
await reading.CancelAsync();
await Task.WhenAll(readers);
Console.WriteLine(Invariant(
    $"{wsClients} ws clients: {wsTicks / (double)seconds:0.000} ticks/s, {wsSamples / (double)wsTicks:0.000} samples per tick, {received.Min()}–{received.Max()} messages per client"));
foreach (var socket in sockets)
{
    socket.Abort();
    socket.Dispose();
}

await server.StopAsync(CancellationToken.None);

static async Task<(long Ticks, long Samples)> CountTicks(AuraServer server, CountingSource source, int seconds)
{
    var ticks = server.Hub.Ticks;
    var samples = source.Samples;
    await Task.Delay(TimeSpan.FromSeconds(seconds));
    return (server.Hub.Ticks - ticks, source.Samples - samples);
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

/// <summary>The real source, counting samples: the server must take exactly one per tick.</summary>
internal sealed class CountingSource(ISnapshotSource inner) : ISnapshotSource
{
    private long _samples;

    public long Samples => Interlocked.Read(ref _samples);

    public Snapshot Sample()
    {
        Interlocked.Increment(ref _samples);
        return inner.Sample();
    }

    public void Dispose() => inner.Dispose();
}
