using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Aura.EndToEnd.Tests.Cli;

/// <summary>
/// An Argus user's setup, unchanged: `argus config init`, the config file where Argus kept it with every table its
/// README shows, `argus serve`, `argus query`, `argus status`, all through a link named argus to the real `aura`.
/// </summary>
public sealed class ArgusNameTests : IDisposable
{
    private const string Key = "argus-key-0123456789abcdef";

    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-argus-home-");
    private readonly LegacyLinks _links = new();

    private string ConfigFile => Path.Combine(_home.FullName, ".config", "argus", "config.toml");

    public void Dispose()
    {
        _links.Dispose();
        _home.Delete(recursive: true);
    }

    [Fact]
    public async Task ArgusServe_ReadsArgusConfigWhereArgusKeptIt_EveryKeyMeansWhatItMeant()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigFile)!);
        await File.WriteAllTextAsync(ConfigFile, $"""
            [server]
            host = "127.0.0.1"  # Local network only (change to 0.0.0.0 for network access)
            port = 8765
            api_keys = ["{Key}"]

            [database]
            path = "~/.local/share/argus/events.db"

            [retention]
            days = 30                    # Keep events for 30 days
            cleanup_time = "03:00"       # Daily cleanup at 3 AM
            vacuum_after_cleanup = true  # Reclaim disk space

            [limits]
            max_payload_size_kb = 1
            max_query_limit = 50

            [web_ui]
            title = "Argus Observability"

            [logging]
            level = "info"
            """);
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await using var argus = AuraProcess.StartAs(_links["argus"], _home.FullName, ["serve", "--port", port]);

        var events = await argus.ReadLineStartingWithAsync("  events", TimeSpan.FromSeconds(60));
        var listening = (await argus.WaitReadyAsync()).Http;

        listening.ShouldBe(new Uri($"http://127.0.0.1:{port}/"));
        events.ShouldContain(Path.Combine(_home.FullName, ".local", "share", "argus", "events.db"), Case.Sensitive, "[database] path, with ~ expanded");
        argus.Stderr.ShouldContain($"{ConfigFile}: Aura does not use web_ui.title, logging.level; ignoring them");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        http.DefaultRequestHeaders.Add("X-API-Key", Key);
        var posted = await http.PostAsJsonAsync(new Uri("/events", UriKind.Relative), new { source = "my-app", event_type = "startup", message = "Application started" });
        posted.StatusCode.ShouldBe(HttpStatusCode.Created, "[server] api_keys is honoured");
        var tooBig = await http.PostAsJsonAsync(new Uri("/events", UriKind.Relative), new { source = "my-app", event_type = "big", message = new string('x', 1500) });
        tooBig.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, "max_payload_size_kb = 1");
        (await http.GetAsync(new Uri("/events?limit=51", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "max_query_limit = 50");
        (await http.GetAsync(new Uri("/events?limit=50", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var query = await AuraProcess.RunAsAsync(_links["argus"], _home.FullName, new Dictionary<string, string?>(), ["query", "--source", "my-app", "--port", port, "--json"]);
        query.ExitCode.ShouldBe(0, query.Stderr);
        query.Stdout.ShouldContain("Application started");
        var status = await AuraProcess.RunAsAsync(_links["argus"], _home.FullName, new Dictionary<string, string?>(), ["status", "--port", port]);
        status.ExitCode.ShouldBe(0, status.Stderr);
        status.Stdout.ShouldStartWith($"aura is running at http://127.0.0.1:{port}/");

        (await argus.SignalAndWaitAsync("TERM")).ShouldBe(0, argus.Stderr);
        File.Exists(Path.Combine(_home.FullName, ".local", "share", "argus", "events.db")).ShouldBeTrue();
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ArgusConfigInit_WritesArgusFileOwnerOnly_ThatArgusServeThenUses()
    {
        var init = await AuraProcess.RunAsAsync(_links["argus"], _home.FullName, new Dictionary<string, string?>(), ["config", "init"]);

        init.ExitCode.ShouldBe(0, init.Stderr);
        File.GetUnixFileMode(ConfigFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await using var argus = AuraProcess.StartAs(_links["argus"], _home.FullName, ["serve", "--port", port]);
        var events = await argus.ReadLineStartingWithAsync("  events", TimeSpan.FromSeconds(60));
        var keys = await argus.ReadLineStartingWithAsync("  keys", TimeSpan.FromSeconds(10));
        events.ShouldContain(Path.Combine(_home.FullName, ".local", "share", "argus", "events.db"), Case.Sensitive, "Argus's own default database");
        keys.ShouldBe($"  keys     1 from {ConfigFile}");
        (await argus.SignalAndWaitAsync("TERM")).ShouldBe(0, argus.Stderr);
    }

    [Fact]
    public async Task ArgusServe_ArgusOwnEventsDb_MigratedOnStart_ItsEventsServedAndQueried()
    {
        var database = Path.Combine(_home.FullName, ".local", "share", "argus", "events.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=false"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, event_type TEXT NOT NULL,
                    timestamp TEXT NOT NULL, message TEXT, level TEXT, data TEXT, created_at TEXT DEFAULT CURRENT_TIMESTAMP);
                CREATE INDEX idx_timestamp ON events(timestamp);
                INSERT INTO events(source, event_type, timestamp, message, level, data) VALUES
                    ('sable', 'thinking', '2025-11-20T12:34:56Z', 'Processing request', 'debug', '{"tokens": 1234}'),
                    ('prismis', 'article_saved', '2025-11-20T13:30:00+02:00', NULL, NULL, NULL);
                """;
            create.ExecuteNonQuery();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(ConfigFile)!);
        await File.WriteAllTextAsync(ConfigFile, $"[server]\napi_keys = [\"{Key}\"]\n");
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await using var argus = AuraProcess.StartAs(_links["argus"], _home.FullName, ["serve", "--port", port]);

        var events = await argus.ReadLineStartingWithAsync("  events", TimeSpan.FromSeconds(60));
        await argus.WaitReadyAsync();

        events.ShouldContain($"migrated 2 Argus events, the original kept as {database}.argus-backup");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        http.DefaultRequestHeaders.Add("X-API-Key", Key);
        var page = Json.Parse(await http.GetStringAsync(new Uri("/events", UriKind.Relative))).GetProperty("events")
            .EnumerateArray().Where(e => e.GetProperty("source").GetString() != "aura").ToArray();
        page.Length.ShouldBe(2, "Argus's two events, beside Aura's own daemon.start");
        page[0].GetRawText().ShouldBe("""{"id":1,"source":"sable","event_type":"thinking","message":"Processing request","level":"debug","timestamp":"2025-11-20T12:34:56Z","data":{"tokens": 1234}}""", "newest first: 13:30+02:00 is 11:30Z");
        page[1].GetProperty("id").GetInt64().ShouldBe(2);
        page[1].GetProperty("timestamp").GetString().ShouldBe("2025-11-20T11:30:00Z");
        page[1].GetProperty("level").GetString().ShouldBe("info");
        var query = await AuraProcess.RunAsAsync(_links["argus"], _home.FullName, new Dictionary<string, string?>(), ["query", "--source", "sable", "--port", port, "--json"]);
        query.ExitCode.ShouldBe(0, query.Stderr);
        query.Stdout.ShouldContain("Processing request");
        var posted = await http.PostAsJsonAsync(new Uri("/events", UriKind.Relative), new { source = "sable", event_type = "next" });
        (await posted.Content.ReadAsStringAsync()).ShouldBe("""{"status":"captured","event_id":4}""", "after the two migrated events and daemon.start");
        (await argus.SignalAndWaitAsync("TERM")).ShouldBe(0, argus.Stderr);
        File.Exists(database + ".argus-backup").ShouldBeTrue();
    }

    [Fact]
    public async Task Argus_UnknownCommand_ExitsTwoNamingTheCommands()
    {
        var result = await AuraProcess.RunAsAsync(_links["argus"], _home.FullName, new Dictionary<string, string?>(), ["serv"]);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("argus: unknown command 'serv'; use serve, query, status or config init");
    }
}
