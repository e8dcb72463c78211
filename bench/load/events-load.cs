#:project ../../src/Aura.Server/Aura.Server.csproj
#:property TieredPGO=false
#:property PublishAot=false

// Load harness for the event log behind `aura serve`, hosting the same AuraServer in-process (the load generator shares
// the machine's cores with it, as the targets require):
//   single  durable single-event POSTs at N connections (HTTP/1.1 keep-alive): events/s, p50/p99 acknowledgement
//   batch   NDJSON batches of B events at 4 connections: events/s
//   ws      POST-to-WebSocket delivery with 100 subscribers at a steady rate: p50/p99
//   query   filtered GET /events over a file of 10 M events (built once, kept at the path given): p50/p99
//   baseline  GET /api/health with the single-POST generator: what HTTP alone costs
//   storage   the event log alone, no HTTP: 64 concurrent single appenders, then batches of B one at a time
// Usage: dotnet run bench/load/events-load.cs -- <single|batch|ws|query|baseline|storage|all> [seconds = 10] [connections = 64] [batch = 1000] [sync = full] [query db = /tmp/aura-events-10m.sqlite]
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Aura.Core.Events;
using Aura.Server.Auth;
using Aura.Server.Hosting;
using Aura.Storage.Events;
using Aura.Telemetry;
using EventLog = Aura.Storage.Events.EventLog;

const string Key = "bench-key-0123456789abcdef";

// As `aura serve` does (ServeCommand.InlineSocketCompletions); run with DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 to
// match the thread-pool setting `aura` ships with.
Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
var mode = args.Length > 0 ? args[0] : "all";
var seconds = Arg(1, 10);
var connections = Arg(2, 64);
var batchSize = Arg(3, 1000);
var sync = args.Length > 4 && args[4] == "normal" ? EventSync.Normal : EventSync.Full;
var queryDb = args.Length > 5 ? args[5] : "/tmp/aura-events-10m.sqlite";
Console.WriteLine(Invariant($"{Environment.ProcessorCount} cores, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm}Z, synchronous={sync}"));

// Against a running `aura serve` instead (bench/load/events-serve.sh): single and baseline only; the daemon's own CPU is
// read from /proc and reported apart from this generator's.
if (Environment.GetEnvironmentVariable("AURA_BENCH_URL") is { Length: > 0 } url)
{
    var daemon = new External(new Uri(url), Environment.GetEnvironmentVariable("AURA_BENCH_KEY") ?? Key, int.Parse(Environment.GetEnvironmentVariable("AURA_BENCH_PID") ?? "0", CultureInfo.InvariantCulture));
    await (mode == "baseline" ? Baseline(daemon, seconds, connections) : Single(daemon, seconds, connections));
    return;
}

if (mode is "single" or "batch" or "ws" or "baseline" or "storage" or "all")
{
    var directory = Directory.CreateTempSubdirectory("aura-events-load-").FullName;
    try
    {
        using var log = EventLog.Open(new EventLogOptions { Path = Path.Combine(directory, "events.sqlite"), Sync = sync, BackgroundRetention = false }, TimeProvider.System);
        await using var server = await StartAsync(log);
        if (mode is "baseline" or "all")
        {
            await Baseline(new External(server.Address, Key, 0), seconds, connections);
        }

        if (mode is "storage" or "all")
        {
            await Storage(log, seconds, connections);
            await StorageBatches(log, seconds, batchSize);
        }

        if (mode is "single" or "all")
        {
            await Single(new External(server.Address, Key, 0), seconds, connections);
        }

        if (mode is "batch" or "all")
        {
            await Batch(server, seconds, batchSize);
        }

        if (mode is "ws" or "all")
        {
            await Delivery(server, seconds, 100);
        }

        await server.StopAsync(CancellationToken.None);
    }
    finally
    {
        Directory.Delete(directory, recursive: true);
    }
}

if (mode is "query" or "all")
{
    await Query(queryDb, 10_000_000);
}

static async Task<AuraServer> StartAsync(EventLog log)
{
    var source = SnapshotSources.Create(new SamplerOptions { SearchPath = Environment.GetEnvironmentVariable("PATH") }, TimeProvider.System);
    var options = new ServerOptions
    {
        Port = 0,
        Keys = ApiKeySet.From([("bench", Key, ApiScopes.All)]),
        Limits = new ServerLimits { MaxEventBodyBytes = 4 * 1024 * 1024, MaxEventBatch = 50_000, MaxWebSocketClients = 512 },
    };
    // The daemon `aura serve` runs, with the bench's own event log; it owns nothing here, so its server is all we keep.
    var server = AuraDaemon.Build(new AuraSettings { Server = options }, new DaemonParts { Source = source, Events = log }).Server;
    await server.StartAsync(CancellationToken.None);
    return server;
}

static HttpClient Client(AuraServer server, int connections) => new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false })
{
    BaseAddress = server.Address,
    DefaultRequestHeaders = { { "X-API-Key", Key } },
};

// Single events over raw HTTP/1.1 keep-alive connections, wrk style: each connection writes one prebuilt request and
// reads its answer. HttpClient spends more CPU per request than the server does, which on 2 shared cores would measure
// the client; this generator keeps the measurement on the server's side of the socket.
static async Task Single(External server, int seconds, int connections)
{
    var json = """{"source":"bench","event_type":"request.done","level":"info","message":"GET /api/items 200","data":{"ms":12,"bytes":5120}}""";
    var request = Encoding.ASCII.GetBytes(
        $"POST /events HTTP/1.1\r\nHost: {server.Address.Authority}\r\nX-API-Key: {server.Key}\r\nContent-Type: application/json\r\nContent-Length: {json.Length}\r\n\r\n{json}");
    await RawLoad(server.Address, request, "201", 4, connections);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var daemonCpu = server.Cpu();
    var (count, latencies) = await RawLoad(server.Address, request, "201", seconds, connections);
    Console.WriteLine(Invariant(
        $"single  {connections} connections, {seconds} s: {count / (double)seconds:0} events/s, ack p50 {Percentile(latencies, 50):0.00} ms, p99 {Percentile(latencies, 99):0.00} ms, max {latencies[^1]:0.00} ms; {Cpu(cpu, count, server.Who)}{server.CpuSince(daemonCpu, count)}"));
}

static async Task<(long Count, List<double> Latencies)> RawLoad(Uri address, byte[] request, string status, int seconds, int connections)
{
    var stop = Stopwatch.StartNew();
    var all = new List<double>();
    long count = 0;
    await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
    {
        var mine = new List<double>(100_000);
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(address.Host, address.Port);
        var buffer = new byte[4096];
        while (stop.Elapsed.TotalSeconds < seconds)
        {
            var started = Stopwatch.GetTimestamp();
            await socket.SendAsync(request);
            var filled = 0;
            while (true)
            {
                filled += await socket.ReceiveAsync(buffer.AsMemory(filled));
                var text = buffer.AsSpan(0, filled);
                var end = text.IndexOf("\r\n\r\n"u8);
                if (end < 0)
                {
                    continue;
                }

                var header = Encoding.ASCII.GetString(text[..end]);
                if (!header.StartsWith("HTTP/1.1 " + status, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"the server answered: {header}");
                }

                var at = header.IndexOf("Content-Length: ", StringComparison.OrdinalIgnoreCase) + 16;
                var length = int.Parse(header.AsSpan(at, header.IndexOf('\r', at) - at), CultureInfo.InvariantCulture);
                if (filled >= end + 4 + length)
                {
                    break;
                }
            }

            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        lock (all)
        {
            all.AddRange(mine);
            count += mine.Count;
        }
    })));
    all.Sort();
    return (count, all);
}

// The same generator against GET /api/health (no body, no storage): the ceiling HTTP alone allows under today's load.
static async Task Baseline(External server, int seconds, int connections)
{
    var request = Encoding.ASCII.GetBytes($"GET /api/health HTTP/1.1\r\nHost: {server.Address.Authority}\r\nX-API-Key: {server.Key}\r\n\r\n");
    await RawLoad(server.Address, request, "200", 4, connections);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var daemonCpu = server.Cpu();
    var (count, latencies) = await RawLoad(server.Address, request, "200", seconds, connections);
    Console.WriteLine(Invariant(
        $"baseline GET /api/health, {connections} connections, {seconds} s: {count / (double)seconds:0} requests/s, p99 {Percentile(latencies, 99):0.00} ms; {Cpu(cpu, count, server.Who)}{server.CpuSince(daemonCpu, count)}"));
}

// The event log alone: N concurrent appenders of single events, no HTTP: the storage ceiling.
static async Task Storage(EventLog log, int seconds, int appenders)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var stop = Stopwatch.StartNew();
    long count = 0;
    var e = new NewEvent("bench", "request.done", EventLevel.Info, "GET /api/items 200", 0, "{\"ms\":12}"u8.ToArray());
    await Task.WhenAll(Enumerable.Range(0, appenders).Select(_ => Task.Run(async () =>
    {
        while (stop.Elapsed.TotalSeconds < seconds)
        {
            await log.AppendAsync(e with { TimestampMicros = EventTime.Micros(TimeProvider.System.GetUtcNow()) }, CancellationToken.None);
            Interlocked.Increment(ref count);
        }
    })));
    Console.WriteLine(Invariant($"storage {appenders} concurrent appenders, no HTTP, {seconds} s: {count / stop.Elapsed.TotalSeconds:0} events/s; {Cpu(cpu, count)}"));
}

// The event log alone taking the batch load's events in batches of B, one after another: the writer's cost per row.
static async Task StorageBatches(EventLog log, int seconds, int batchSize)
{
    var template = Enumerable.Range(0, batchSize)
        .Select(i => new NewEvent($"bench-{i % 8}", "job.step", EventLevel.Debug, $"step {i}", 0, Encoding.UTF8.GetBytes($"{{\"i\":{i}}}")))
        .ToList();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var stop = Stopwatch.StartNew();
    long count = 0;
    while (stop.Elapsed.TotalSeconds < seconds)
    {
        // Stamped with the time of the batch, as the server stamps a posted batch without timestamps.
        var now = EventTime.Micros(TimeProvider.System.GetUtcNow());
        await log.AppendBatchAsync(template.ConvertAll(e => e with { TimestampMicros = now }), CancellationToken.None);
        count += batchSize;
    }

    Console.WriteLine(Invariant($"storage batches of {batchSize}, one at a time, no HTTP, {seconds} s: {count / stop.Elapsed.TotalSeconds:0} events/s; {Cpu(cpu, count, "writer and sync threads")}"));
}

static async Task Batch(AuraServer server, int seconds, int batchSize)
{
    const int Connections = 4;
    using var http = Client(server, Connections);
    var ndjson = new StringBuilder();
    for (var i = 0; i < batchSize; i++)
    {
        ndjson.Append(CultureInfo.InvariantCulture, $$$"""{"source":"bench-{{{i % 8}}}","event_type":"job.step","level":"debug","message":"step {{{i}}}","data":{"i":{{{i}}}}}""").Append('\n');
    }

    var body = Encoding.UTF8.GetBytes(ndjson.ToString());
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var stop = Stopwatch.StartNew();
    long events = 0;
    await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => Task.Run(async () =>
    {
        while (stop.Elapsed.TotalSeconds < seconds)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/x-ndjson");
            using var response = await http.PostAsync(new Uri("/events/batch", UriKind.Relative), content);
            if ((int)response.StatusCode != 201)
            {
                throw new InvalidOperationException($"POST /events/batch answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            Interlocked.Add(ref events, batchSize);
        }
    })));
    Console.WriteLine(Invariant(
        $"batch   {Connections} connections x {batchSize} events ({body.Length / batchSize} B each), {stop.Elapsed.TotalSeconds:0.0} s: {events / stop.Elapsed.TotalSeconds:0} events/s; {Cpu(cpu, events)}"));
}

static async Task Delivery(AuraServer server, int seconds, int subscribers)
{
    var sockets = new List<ClientWebSocket>();
    for (var i = 0; i < subscribers; i++)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new UriBuilder(new Uri(server.Address, "/ws")) { Scheme = "ws" }.Uri, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes($$"""{"type":"auth","api_key":"{{Key}}"}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        sockets.Add(socket);
    }

    var latencies = new List<double>();
    var measureFrom = long.MaxValue;
    using var done = new CancellationTokenSource();
    var readers = sockets.Select(socket => Task.Run(async () =>
    {
        var buffer = new byte[64 * 1024];
        var mine = new List<double>();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), done.Token);
                var now = Stopwatch.GetTimestamp();
                // The send time is the event's message; found by bytes, so the 100 readers cost little next to the server.
                var text = buffer.AsSpan(0, result.Count);
                var at = text.IndexOf("\"message\":\""u8);
                if (text.StartsWith("{\"type\":\"event\""u8) && at >= 0)
                {
                    var digits = text[(at + 11)..];
                    var sent = long.Parse(digits[..digits.IndexOf((byte)'"')], CultureInfo.InvariantCulture);
                    if (sent >= Volatile.Read(ref measureFrom))
                    {
                        mine.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        lock (latencies)
        {
            latencies.AddRange(mine);
        }
    })).ToList();

    // One producer at a steady 500 events/s: delivery latency, not saturation, is what this measures.
    using var http = Client(server, 1);
    using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(2));
    // Three seconds of the same load first (JIT, first collections), not measured.
    var warmUp = Stopwatch.StartNew();
    while (warmUp.Elapsed.TotalSeconds < 3 && await timer.WaitForNextTickAsync())
    {
        using var content = new StringContent($$"""{"source":"bench","event_type":"tick","message":"0"}""", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/events", UriKind.Relative), content);
    }

    var (gcs, paused) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
    Volatile.Write(ref measureFrom, Stopwatch.GetTimestamp());
    var stop = Stopwatch.StartNew();
    var posted = 0;
    while (stop.Elapsed.TotalSeconds < seconds && await timer.WaitForNextTickAsync())
    {
        var stamp = Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture);
        using var content = new StringContent($$"""{"source":"bench","event_type":"tick","message":"{{stamp}}"}""", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/events", UriKind.Relative), content);
        posted++;
    }

    await Task.Delay(1000);
    await done.CancelAsync();
    await Task.WhenAll(readers);
    latencies.Sort();
    Console.WriteLine(Invariant(
        $"ws      {subscribers} subscribers, {posted} events ({posted / stop.Elapsed.TotalSeconds:0}/s), {latencies.Count} deliveries: POST-to-receive p50 {Percentile(latencies, 50):0.00} ms, p99 {Percentile(latencies, 99):0.00} ms, max {latencies[^1]:0.00} ms; {GC.CollectionCount(0) - gcs} GCs pausing {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms"));
    foreach (var socket in sockets)
    {
        socket.Abort();
        socket.Dispose();
    }
}

static async Task Query(string path, int total)
{
    var options = new EventLogOptions { Path = path, Sync = EventSync.Normal, BackgroundRetention = false, MaxBatchEvents = 50_000 };
    using (var log = EventLog.Open(options, TimeProvider.System))
    {
        var have = log.Count();
        if (have < total)
        {
            var fill = Stopwatch.StartNew();
            var start = TimeProvider.System.GetUtcNow().AddDays(-30);
            var random = new Random(42);
            var data = "{\"k\":1}"u8.ToArray();
            for (var done = have; done < total;)
            {
                var batch = new List<NewEvent>(50_000);
                for (var i = 0; i < 50_000 && done < total; i++, done++)
                {
                    // 20 sources, 50 types, errors 2 %: skewed like real logs. Times spread over 30 days in order.
                    var level = random.Next(100) switch { < 2 => EventLevel.Error, < 10 => EventLevel.Warn, < 70 => EventLevel.Info, _ => EventLevel.Debug };
                    batch.Add(new NewEvent($"svc-{random.Next(20)}", $"type.{random.Next(50)}", level, "something happened", EventTime.Micros(start.AddTicks(done * (TimeSpan.TicksPerDay * 30 / total))), data));
                }

                await log.AppendBatchAsync(batch, CancellationToken.None);
            }

            Console.WriteLine(Invariant($"query   filled {total - have} events in {fill.Elapsed.TotalSeconds:0} s ({(total - have) / fill.Elapsed.TotalSeconds:0} events/s, synchronous=normal)"));
        }
    }

    using var reopened = EventLog.Open(options, TimeProvider.System);
    await using var server = await StartAsync(reopened);
    using var http = Client(server, 1);
    var since = Uri.EscapeDataString(TimeProvider.System.GetUtcNow().AddDays(-10).ToString("O", CultureInfo.InvariantCulture));
    var until = Uri.EscapeDataString(TimeProvider.System.GetUtcNow().AddDays(-9).ToString("O", CultureInfo.InvariantCulture));
    string[] queries =
    [
        "/events?limit=100",
        "/events?source=svc-7&limit=100",
        "/events?source=svc-7&level=error&limit=100",
        "/events?event_type=type.13&level=error&limit=100",
        $"/events?level=error&since={since}&until={until}&limit=100",
        "/events?source=svc-3&event_type=type.41&level=error&limit=1000",
    ];
    Console.WriteLine(Invariant($"query   {reopened.Count()} events, {new FileInfo(path).Length / (1024 * 1024)} MiB"));
    foreach (var query in queries)
    {
        var times = new List<double>();
        var rows = 0;
        for (var i = 0; i < 30; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var body = await http.GetByteArrayAsync(new Uri(query, UriKind.Relative));
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            using var parsed = JsonDocument.Parse(body);
            rows = parsed.RootElement.GetProperty("events").GetArrayLength();
        }

        var first = times[0];
        times.Sort();
        Console.WriteLine(Invariant($"query   {query}: {rows} rows, first {first:0.0} ms, p50 {Percentile(times, 50):0.0} ms, max {times[^1]:0.0} ms (30 runs)"));
    }

    await server.StopAsync(CancellationToken.None);
}

// CPU time this process (server and load generator together) used: on a shared machine, CPU per event is the figure
// that does not depend on what else runs; 2 cores / (CPU per event) is the rate the two cores would give if idle.
static string Cpu(TimeSpan cpuBefore, long events, string who = "server + generator")
{
    var used = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var perEvent = used.TotalMicroseconds / Math.Max(1, events);
    return Invariant($"cpu {perEvent:0.0} us/event ({who}) => {2e6 / perEvent:0} events/s on 2 idle cores");
}

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

/// <summary>A server to load: its address and key, and (for a separate `aura serve`) its pid, whose CPU is then reported apart.</summary>
internal sealed record External(Uri Address, string Key, int Pid)
{
    public TimeSpan Cpu()
    {
        if (Pid == 0)
        {
            return TimeSpan.Zero;
        }

        // utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 1/100 s.
        var fields = File.ReadAllText($"/proc/{Pid}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return TimeSpan.FromMilliseconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10);
    }

    /// <summary>Whose CPU this process's own figure is.</summary>
    public string Who => Pid == 0 ? "server + generator" : "generator";

    public string CpuSince(TimeSpan before, long events) =>
        Pid == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; aura serve {(Cpu() - before).TotalMicroseconds / Math.Max(1, events):0.0} us/event");
}
