using System.Text.Json;
using System.Text.RegularExpressions;
using Aura.Core.Json;

namespace Aura.EndToEnd.Tests;

public sealed partial class LiveOutputTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-e2e-home-");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public async Task Aura_NoArguments_PrintsSeedLineThenSummary()
    {
        var result = await AuraProcess.RunAsync(_home.FullName);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Lines[0].ShouldMatch(SeedLine().ToString());
        result.Stdout.ShouldContain("host ");
        result.Stdout.ShouldContain("memory ");
        result.Stdout.ShouldContain("processes ");
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Json_OneShot_KeepsSeedKeysAndCarriesTheFullSnapshot()
    {
        var result = await AuraProcess.RunAsync(_home.FullName, "--json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Lines.Count.ShouldBe(1);
        using var line = JsonDocument.Parse(result.Lines[0]);
        var root = line.RootElement;
        var names = root.EnumerateObject().Select(p => p.Name).Take(3).ToArray();
        names.ShouldBe(["cpu_percent", "memory_percent", "timestamp"]);
        root.GetProperty("cpu_percent").GetDouble().ShouldBeInRange(0, 100);
        var memoryPercent = root.GetProperty("memory_percent").GetDouble();
        var epoch = root.GetProperty("timestamp").GetDouble();
        epoch.ShouldBeInRange(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 120, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() + 5);

        var snapshot = JsonSerializer.Deserialize(result.Lines[0], AuraJsonContext.Default.Snapshot)!;
        snapshot.Memory.TotalBytes.ShouldBeGreaterThan(0);
        (snapshot.Memory.UsedRatio * 100).ShouldBe(memoryPercent, 0.05);
        snapshot.Cpu.Cores.Length.ShouldBe(Environment.ProcessorCount);
        snapshot.Processes.Length.ShouldBeGreaterThan(0);
        snapshot.Processes.Length.ShouldBeLessThanOrEqualTo(20);
        snapshot.Filesystems.ShouldContain(fs => fs.MountPoint == "/");
        snapshot.Timestamp.ToUnixTimeMilliseconds().ShouldBe((long)Math.Round(epoch * 1000));
    }

    [Fact]
    public async Task Watch_WithCount_PrintsExactlyThatManyLinesInTimeOrder()
    {
        var result = await AuraProcess.RunAsync(_home.FullName, "--watch", "--count", "3", "--interval", "0.2", "--json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Lines.Count.ShouldBe(3);
        var times = result.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("timestamp").GetDouble()).ToArray();
        times.ShouldBeInOrder(SortDirection.Ascending);
        times.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task Watch_Text_EachLineIsTheSeedLine()
    {
        var result = await AuraProcess.RunAsync(_home.FullName, "--watch", "--count", "2", "--interval", "0.1");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Lines.Count.ShouldBe(2);
        result.Lines.ShouldAllBe(line => SeedLine().IsMatch(line));
    }

    [GeneratedRegex(@"^cpu=\d{1,3}\.\d% mem=\d{1,3}\.\d% ts=\d{10}\.\d{3}$")]
    private static partial Regex SeedLine();
}
