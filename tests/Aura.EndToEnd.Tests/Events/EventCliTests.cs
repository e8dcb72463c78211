using System.Globalization;

namespace Aura.EndToEnd.Tests.Events;

/// <summary>`aura events ...` against a real `aura serve`, with the key from aura.toml.</summary>
public sealed class EventCliTests : IDisposable
{
    private const string Key = "cli-test-key-0123456789abcdef";
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-events-cli-");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public async Task PostQuerySourcesTypes_UseTheConfigKey_AndTheDaemonRecordsItsOwnStart()
    {
        var config = Path.Combine(_home.FullName, "aura.toml");
        await File.WriteAllTextAsync(config, $"[server]\napi_keys = [\"{Key}\"]\n");
        await using var serve = AuraProcess.Start(_home.FullName, ["serve", "--port", "0", "--config", config, "--db-path", Path.Combine(_home.FullName, "t.sqlite"), "--socket", Path.Combine(_home.FullName, "s.sock")]);
        var listening = (await serve.WaitReadyAsync()).Http;
        var port = listening.Port.ToString(CultureInfo.InvariantCulture);

        var post = await AuraProcess.RunAsync(_home.FullName, "events", "post", "--config", config, "--port", port, "--source", "cli", "--type", "deploy.done", "--level", "warn", "--message", "shipped it", "--data", """{"build":42}""");
        var bad = await AuraProcess.RunAsync(_home.FullName, "events", "post", "--config", config, "--port", port, "--source", "Cli", "--type", "x");
        var table = await AuraProcess.RunAsync(_home.FullName, "events", "query", "--config", config, "--port", port, "--source", "cli");
        var json = await AuraProcess.RunAsync(_home.FullName, "events", "query", "--config", config, "--port", port, "--json", "--limit", "10");
        var sources = await AuraProcess.RunAsync(_home.FullName, "events", "sources", "--config", config, "--port", port);
        var types = await AuraProcess.RunAsync(_home.FullName, "events", "types", "--config", config, "--port", port);

        post.ExitCode.ShouldBe(0, post.Stderr);
        post.Stdout.ShouldStartWith("captured event ");
        bad.ExitCode.ShouldBe(1);
        bad.Stderr.ShouldContain("source 'Cli' must start with a lower-case letter");
        table.ExitCode.ShouldBe(0, table.Stderr);
        table.Stdout.ShouldContain("warn   cli");
        table.Stdout.ShouldContain("deploy.done");
        table.Stdout.ShouldContain("shipped it");
        var lines = json.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Json.Parse).ToList();
        lines[0].GetProperty("data").GetProperty("build").GetInt32().ShouldBe(42);
        lines.ShouldContain(e => e.GetProperty("source").GetString() == "aura" && e.GetProperty("event_type").GetString() == "daemon.start");
        sources.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["aura", "cli"]);
        types.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["daemon.start", "deploy.done"]);
    }

    [Fact]
    public async Task Tail_IntoAReaderThatLeaves_EndsQuietlyWithExit0()
    {
        var config = Path.Combine(_home.FullName, "aura.toml");
        await File.WriteAllTextAsync(config, $"[server]\napi_keys = [\"{Key}\"]\n");
        await using var serve = AuraProcess.Start(_home.FullName, ["serve", "--port", "0", "--config", config, "--db-path", Path.Combine(_home.FullName, "t.sqlite"), "--socket", Path.Combine(_home.FullName, "s.sock")]);
        var listening = (await serve.WaitReadyAsync()).Http;
        var port = listening.Port.ToString(CultureInfo.InvariantCulture);

        // `aura events tail | head -1`: head takes the header and leaves; the next event written must end tail.
        var info = AuraProcess.StartInfo("/bin/bash", _home.FullName, ["-o", "pipefail", "-c", "\"$0\" events tail --config \"$1\" --port \"$2\" | head -1", AuraBinary.Path, config, port], null);
        using var pipeline = System.Diagnostics.Process.Start(info)!;
        pipeline.StandardInput.Close();
        var stdout = pipeline.StandardOutput.ReadToEndAsync();
        var stderr = pipeline.StandardError.ReadToEndAsync();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!pipeline.HasExited && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await AuraProcess.RunAsync(_home.FullName, "events", "post", "--config", config, "--port", port, "--source", "cli", "--type", "tick");
            await Task.Delay(200);
        }

        var ended = pipeline.HasExited;
        if (!ended)
        {
            pipeline.Kill(entireProcessTree: true);
        }

        ended.ShouldBeTrue("aura events tail kept running after its reader left");
        pipeline.ExitCode.ShouldBe(0, await stderr);
        (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
        (await stderr).ShouldBeEmpty();
    }

    [Fact]
    public async Task Query_WithoutAKey_OrWithARefusedOne_IsAClearErrorWithExit1()
    {
        var empty = Path.Combine(_home.FullName, "empty.toml");
        await File.WriteAllTextAsync(empty, "");
        var config = Path.Combine(_home.FullName, "aura.toml");
        await File.WriteAllTextAsync(config, $"[server]\napi_keys = [\"{Key}\"]\n");
        var other = Path.Combine(_home.FullName, "other.toml");
        await File.WriteAllTextAsync(other, "[server]\napi_keys = [\"some-other-key-0123456789\"]\n");
        await using var serve = AuraProcess.Start(_home.FullName, ["serve", "--port", "0", "--config", config, "--db-path", Path.Combine(_home.FullName, "t.sqlite"), "--socket", Path.Combine(_home.FullName, "s.sock")]);
        var listening = (await serve.WaitReadyAsync()).Http;
        var port = listening.Port.ToString(CultureInfo.InvariantCulture);

        var missing = await AuraProcess.RunAsync(_home.FullName, "events", "query", "--config", empty, "--port", port);
        var refused = await AuraProcess.RunAsync(_home.FullName, "events", "query", "--config", other, "--port", port);

        missing.ExitCode.ShouldBe(1);
        missing.Stderr.ShouldContain("no API key with the 'read' scope");
        refused.ExitCode.ShouldBe(1);
        refused.Stderr.ShouldContain("refused the API key");
    }
}
