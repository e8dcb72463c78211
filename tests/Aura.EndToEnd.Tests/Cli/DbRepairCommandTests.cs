using Aura.Storage.Events;

namespace Aura.EndToEnd.Tests.Cli;

/// <summary>`aura db check` and `aura db repair` on a real event log whose pages were damaged on disk.</summary>
public sealed class DbRepairCommandTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-repair-home-");

    private string Dvr => Path.Combine(_home.FullName, "telemetry.sqlite");

    private string Events => Path.Combine(_home.FullName, "events.sqlite");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public async Task Check_DamagedEventLog_ExitsOneNamingIt_RepairKeepsWhatCanBeRead_ThenCheckIsClean()
    {
        await DamagedEventLog.CreateAsync(Events);

        var check = await AuraProcess.RunAsync(_home.FullName, "db", "check", "--db-path", Dvr, "--events-path", Events);
        check.ExitCode.ShouldBe(1, check.Stdout + check.Stderr);
        check.Stdout.ShouldContain($"{Events}: DAMAGED");
        check.Stdout.ShouldContain("aura db repair");

        var repair = await AuraProcess.RunAsync(_home.FullName, "db", "repair", "--db-path", Dvr, "--events-path", Events);
        repair.ExitCode.ShouldBe(0, repair.Stdout + repair.Stderr);
        repair.Stdout.ShouldContain("kept");
        Directory.GetFiles(_home.FullName, "events.sqlite.damaged-*").ShouldNotBeEmpty("the damaged file is kept");

        var again = await AuraProcess.RunAsync(_home.FullName, "db", "check", "--db-path", Dvr, "--events-path", Events);
        again.ExitCode.ShouldBe(0, again.Stdout);
        again.Stdout.ShouldContain($"{Events}: ok");

        using var log = EventLog.Open(new EventLogOptions { Path = Events, BackgroundRetention = false }, TimeProvider.System);
        var kept = log.Count();
        kept.ShouldBeGreaterThan(0);
        kept.ShouldBeLessThan(DamagedEventLog.Events);
        var newest = log.Query(new EventQuery { Limit = 1 })![0];
        newest.Event.Source.ShouldBe("app", "events that were readable keep their fields");
    }

    [Fact]
    public async Task Repair_WhileADaemonHoldsTheLog_RefusesAndChangesNothing()
    {
        using var held = EventLog.Open(new EventLogOptions { Path = Events, BackgroundRetention = false }, TimeProvider.System);

        var repair = await AuraProcess.RunAsync(_home.FullName, "db", "repair", "--db-path", Dvr, "--events-path", Events);

        repair.ExitCode.ShouldBe(2, repair.Stdout + repair.Stderr);
        repair.Stderr.ShouldContain("already open for writing");
        Directory.GetFiles(_home.FullName, "events.sqlite.damaged-*").ShouldBeEmpty();
    }
}
