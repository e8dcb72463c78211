using Aura.Core.Config;
using Aura.Telemetry.Jetson;
using Aura.Telemetry.Linux;
using Aura.Telemetry.Tests.Linux;

namespace Aura.Telemetry.Tests.Jetson;

public sealed class JetsonFeedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public void Read_CommandCatsAFixture_ParsesItsLineAsCommandSource()
    {
        using var script = new StandInScript("emulator", $"cat '{Path.Combine(TegraFixtures.Directory, "orin-nano-jp6.txt")}'");
        using var reader = JetsonReader.Create(TegrastatsSettings.Command(script.Path, [], "JETSONSCOPE_STATS_CMD"), TimeSpan.FromSeconds(1), TimeProvider.System)!;

        var section = Until(reader, s => s is not null);

        section!.Source.ShouldBe("command");
        section.Raw.ShouldBe(TegraFixtures.Line("orin-nano-jp6.txt"));
        section.Rails.Select(r => r.Name).ShouldBe(["VDD_IN", "VDD_CPU_GPU_CV", "VDD_SOC"]);
        reader.Unavailable.ShouldBeEmpty();
    }

    [Fact]
    public void Read_LongRunningCommand_TakesTheLatestLineFromOneProcess()
    {
        using var script = new StandInScript("emulator", "echo 'RAM 1/8MB GR3D_FREQ 1%'\necho 'RAM 2/8MB GR3D_FREQ 2%'\nexec sleep 60");
        var feed = new ProcessLineFeed(script.Path, [], "AURA_TEGRASTATS_CMD", TimeProvider.System);
        using var reader = new JetsonReader(feed, "command", TimeSpan.FromSeconds(5));

        var section = Until(reader, s => s?.Engines.FirstOrDefault().UsagePercent == 2);

        section!.Ram!.Value.UsedBytes.ShouldBe(2L << 20);
        reader.Read().ShouldBeSameAs(section, "an unchanged line is not parsed again");
        feed.Starts.ShouldBe(1);
    }

    [Fact]
    public void Read_ArgumentsPassedAsAList_ReachTheCommandUnsplit()
    {
        using var script = new StandInScript("emulator", "printf 'RAM 1/8MB %s\\n' \"$1\"\nexec sleep 60");
        var settings = TegrastatsSettings.Resolve("/nonexistent", TimeSpan.FromSeconds(1), name => name == "JETSONSCOPE_STATS_CMD" ? $"{script.Path} 'has space;$(touch x)'" : null);
        using var reader = JetsonReader.Create(settings, TimeSpan.FromSeconds(1), TimeProvider.System)!;

        var section = Until(reader, s => s is not null);

        section!.Unknown.ShouldBe(["has", "space;$(touch", "x)"]);
    }

    [Fact]
    public void Read_CommandThatCannotStart_ReportsWhyInUnavailable()
    {
        using var reader = JetsonReader.Create(TegrastatsSettings.Command("/nonexistent/tegrastats-emulator", [], "JETSONSCOPE_STATS_CMD"), TimeSpan.FromSeconds(1), TimeProvider.System)!;

        reader.Read().ShouldBeNull();

        reader.Unavailable.ShouldHaveSingleItem().ShouldStartWith("jetson: JETSONSCOPE_STATS_CMD: '/nonexistent/tegrastats-emulator' could not run");
    }

    [Fact]
    public async Task Read_CommandThatFailsWithoutALine_SaysHowAndIsStartedAgain()
    {
        using var script = new StandInScript("emulator", "echo 'starting' >&2\necho 'tegrastats: cannot open /sys/x' >&2\nexit 3");
        var feed = new ProcessLineFeed(script.Path, [], "JETSONSCOPE_STATS_CMD", TimeProvider.System);
        using var reader = new JetsonReader(feed, "command", TimeSpan.FromSeconds(5));

        reader.Read().ShouldBeNull();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (feed.Starts < 2 && clock.Elapsed < Patience)
        {
            await Task.Delay(50);
        }

        reader.Unavailable.ShouldHaveSingleItem().ShouldBe($"jetson: JETSONSCOPE_STATS_CMD: '{script.Path}' exited with code 3: tegrastats: cannot open /sys/x");
        feed.Starts.ShouldBeGreaterThanOrEqualTo(2, "a command that ends is started again");
    }

    [Fact]
    public void Read_Synthetic_GivesAFreshFullyParsedLineEachTick()
    {
        using var reader = JetsonReader.Create(TegrastatsSettings.Synthetic, TimeSpan.FromSeconds(1), TimeProvider.System)!;

        var first = reader.Read()!;
        var second = reader.Read()!;

        first.Source.ShouldBe("synthetic");
        first.Unknown.ShouldBeEmpty();
        first.Engines.ShouldContain(e => e.Name == "GR3D_FREQ");
        first.Rails.ShouldContain(r => r.Name == "VDD_IN");
        first.Temperatures.Length.ShouldBe(6);
        first.Cores.Count(c => !c.Online).ShouldBe(2);
        second.Raw.ShouldNotBe(first.Raw);
    }

    [Fact]
    public void Sample_LinuxSourceWithCommand_CarriesTheJetsonSection()
    {
        var root = Fixtures.Root("dev-vm");
        using var script = new StandInScript("emulator", $"cat '{Path.Combine(TegraFixtures.Directory, "nano-2gb.txt")}'\nexec sleep 60");
        var options = new SamplerOptions(root) { Tegrastats = TegrastatsSettings.Command(script.Path, [], "JETSONSCOPE_STATS_CMD") };
        using var source = new LinuxSnapshotSource(options, TimeProvider.System, new FakeFilesystemStats(root, new FilesystemStats(1, 1, 1)));

        var snapshot = source.Sample();

        snapshot.Jetson.ShouldNotBeNull();
        snapshot.Jetson.Engines.ShouldContain(e => e.Name == "VIC_FREQ");
        snapshot.Unavailable.ShouldBeEmpty();
    }

    [Fact]
    public void Sample_LinuxSourceWithoutSettings_HasNoJetsonSection()
    {
        var root = Fixtures.Root("dev-vm");
        using var source = new LinuxSnapshotSource(new SamplerOptions(root), TimeProvider.System, new FakeFilesystemStats(root, new FilesystemStats(1, 1, 1)));

        source.Sample().Jetson.ShouldBeNull();
    }

    [Fact]
    public void Resolve_Variables_PickCommandThenSyntheticThenNothing()
    {
        string? Env(string name, Dictionary<string, string> values) => values.GetValueOrDefault(name);

        var both = new Dictionary<string, string> { ["JETSONSCOPE_STATS_CMD"] = "python3 emu.py --interval 1000", ["AURA_TEGRASTATS_CMD"] = "aura-emu -x", ["JETSONSCOPE_TUI_MODE"] = "synthetic" };
        var command = TegrastatsSettings.Resolve("/nonexistent", TimeSpan.FromSeconds(1), n => Env(n, both));
        command.ShouldBe(TegrastatsSettings.Command("aura-emu", ["-x"], "AURA_TEGRASTATS_CMD"), new SettingsComparer());

        var jetsonscope = TegrastatsSettings.Resolve("/nonexistent", TimeSpan.FromSeconds(1), n => n == "JETSONSCOPE_STATS_CMD" ? both[n] : null);
        jetsonscope.Executable.ShouldBe("python3");
        jetsonscope.Arguments.ShouldBe(["emu.py", "--interval", "1000"]);

        TegrastatsSettings.Resolve("/nonexistent", TimeSpan.FromSeconds(1), n => n == "JETSONSCOPE_TUI_MODE" ? "Synthetic" : null).Mode.ShouldBe(TegrastatsMode.Synthetic);
        TegrastatsSettings.Resolve(Fixtures.Root("dev-vm"), TimeSpan.FromSeconds(1), _ => null).Mode.ShouldBe(TegrastatsMode.Off);
    }

    [Fact]
    public void Resolve_JetsonWithTegrastatsOnPath_RunsItAtTheSamplerInterval()
    {
        using var tegrastats = new StandInScript("tegrastats", "exit 0");

        var settings = TegrastatsSettings.Resolve(Fixtures.Root("jetson-orin-nano"), TimeSpan.FromMilliseconds(500), n => n == "PATH" ? tegrastats.Directory : null);

        settings.Mode.ShouldBe(TegrastatsMode.Tegrastats);
        settings.Executable.ShouldBe(tegrastats.Path);
        settings.Arguments.ShouldBe(["--interval", "500"]);
    }

    [Theory]
    [InlineData("a 'b c' \"d e\" f\\ g", new[] { "a", "b c", "d e", "f g" })]
    [InlineData("  cmd   --x=1  ", new[] { "cmd", "--x=1" })]
    [InlineData("say 'it''s' \"a \\\"q\\\"\"", new[] { "say", "its", "a \"q\"" })]
    [InlineData("x $(rm) ; y | z", new[] { "x", "$(rm)", ";", "y", "|", "z" })]
    public void Split_Command_GivesWordsWithoutShellMeaning(string command, string[] words)
    {
        CommandWords.Split(command, "JETSONSCOPE_STATS_CMD").ShouldBe(words);
    }

    [Theory]
    [InlineData("emu 'open", "JETSONSCOPE_STATS_CMD: a single quote is not closed")]
    [InlineData("emu \"open", "JETSONSCOPE_STATS_CMD: a double quote is not closed")]
    [InlineData("emu \\", "JETSONSCOPE_STATS_CMD: the command ends with a lone backslash")]
    public void Split_BrokenQuoting_NamesTheVariable(string command, string message)
    {
        Should.Throw<ConfigException>(() => CommandWords.Split(command, "JETSONSCOPE_STATS_CMD")).Message.ShouldBe(message);
    }

    private static Aura.Core.Model.JetsonSection? Until(JetsonReader reader, Func<Aura.Core.Model.JetsonSection?, bool> done)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var section = reader.Read();
            if (done(section) || clock.Elapsed > Patience)
            {
                return section;
            }

            Task.Delay(20).Wait();
        }
    }

    private sealed class SettingsComparer : IEqualityComparer<TegrastatsSettings>
    {
        public bool Equals(TegrastatsSettings? x, TegrastatsSettings? y) =>
            x!.Mode == y!.Mode && x.Executable == y.Executable && x.Origin == y.Origin && x.Arguments.SequenceEqual(y.Arguments);

        public int GetHashCode(TegrastatsSettings obj) => obj.Executable.GetHashCode(StringComparison.Ordinal);
    }
}
