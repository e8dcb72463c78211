namespace Aura.EndToEnd.Tests.Tui;

/// <summary>The real `aura top` in a real terminal (tmux): views, keys, resize, colours and the terminal given back.</summary>
public sealed class TopTerminalTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-top-");

    public void Dispose() => _home.Delete(recursive: true);

    [RequiresToolFact("tmux")]
    public async Task Top_Local_DashboardShowsFiguresAndQuitRestoresTheTerminal()
    {
        await using var tmux = await TmuxTerminal.StartAsync(_home.FullName, [AuraBinary.Path, "top", "--local"]);

        var screen = await tmux.WaitForAsync("RAM ");
        screen = await tmux.WaitForAsync("local sampler");
        screen.ShouldContain("1 Dashboard");
        screen.ShouldContain("6 History");
        screen.ShouldMatch(@"(?s)CPU .*\d+\.\d%.*RAM .*\d+\.\d% .* of .*B");
        (await tmux.DisplayAsync("#{alternate_on}")).ShouldBe("1");

        await tmux.SendKeysAsync("q");
        var (exitCode, after) = await tmux.WaitForExitAsync();

        exitCode.ShouldBe(0);
        AssertRestored(after, await tmux.DisplayAsync("#{alternate_on} #{cursor_flag} #{mouse_any_flag}"));
    }

    [RequiresToolFact("tmux")]
    public async Task Top_CtrlC_Exits130AndRestoresTheTerminal()
    {
        await using var tmux = await TmuxTerminal.StartAsync(_home.FullName, [AuraBinary.Path, "top", "--local"]);
        await tmux.WaitForAsync("RAM ");

        await tmux.SendKeysAsync("C-c");
        var (exitCode, after) = await tmux.WaitForExitAsync();

        exitCode.ShouldBe(130);
        AssertRestored(after, await tmux.DisplayAsync("#{alternate_on} #{cursor_flag} #{mouse_any_flag}"));
    }

    [RequiresToolFact("tmux")]
    public async Task Top_Sigterm_ExitsAndRestoresTheTerminal()
    {
        await using var tmux = await TmuxTerminal.StartAsync(_home.FullName, [AuraBinary.Path, "top", "--local"]);
        await tmux.WaitForAsync("RAM ");

        var (killed, _, error) = await ChildProcess.RunAsync("kill", ["-TERM", (await tmux.AuraPidAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        killed.ShouldBe(0, error);
        var (exitCode, after) = await tmux.WaitForExitAsync();

        exitCode.ShouldBe(0);
        AssertRestored(after, await tmux.DisplayAsync("#{alternate_on} #{cursor_flag} #{mouse_any_flag}"));
    }

    [RequiresToolFact("tmux")]
    public async Task Top_Resize_RedrawsForTheNewSize()
    {
        await using var tmux = await TmuxTerminal.StartAsync(_home.FullName, [AuraBinary.Path, "top", "--local"], width: 140, height: 40);
        await tmux.WaitForAsync("RAM ");
        var wide = await tmux.WaitForAsync("Live ");
        FirstLine(wide).IndexOf("Live ", StringComparison.Ordinal).ShouldBeGreaterThan(100);

        await tmux.ResizeAsync(80, 24);

        // tmux cuts the old header at 80 columns, which drops "Live"; only a redraw at the new width brings it back.
        await Eventually.TrueAsync(async () => FirstLine(await tmux.CaptureAsync()).Contains("Live ", StringComparison.Ordinal), "the header to be redrawn 80 columns wide", TimeSpan.FromSeconds(30));
        var narrow = await tmux.WaitForAsync("RAM ");
        FirstLine(narrow).TrimEnd().Length.ShouldBeLessThanOrEqualTo(80);
        narrow.Split('\n').Count(l => l.Length > 0).ShouldBeLessThanOrEqualTo(24);
    }

    [RequiresToolFact("tmux")]
    public async Task Top_Keys_SwitchViewsSortFilterAndRefresh()
    {
        var emulator = Script("emulator", $"while :; do cat '{Fixture("nano-2gb.txt")}'; sleep 0.3; done");
        await using var tmux = await TmuxTerminal.StartAsync(_home.FullName, [AuraBinary.Path, "top", "--local"], new Dictionary<string, string?> { ["JETSONSCOPE_STATS_CMD"] = emulator });
        await tmux.WaitForAsync("GR3D_FREQ");

        await tmux.SendKeysAsync("2");
        await tmux.WaitForAsync("PID USER");
        await tmux.WaitForAsync("sorted by CPU");
        await tmux.SendKeysAsync("s");
        await tmux.WaitForAsync("sorted by memory");

        await tmux.SendKeysAsync("3");
        var engines = await tmux.WaitForAsync("Jetson engines");
        engines.ShouldContain("VIC_FREQ");
        engines.ShouldContain("0%@1152");

        await tmux.SendKeysAsync("4");
        var clocks = await tmux.WaitForAsync("memory clocks");
        clocks.ShouldContain("EMC_FREQ 0%@1600");
        clocks.ShouldContain("Controls");

        await tmux.SendKeysAsync("5");
        await tmux.WaitForAsync("Event log");
        await tmux.SendKeysAsync("6");
        await tmux.WaitForAsync("DVR · step");

        await tmux.SendKeysAsync("v");
        await tmux.WaitForAsync("SWAP ");
        await tmux.SendKeysAsync("Tab");
        await tmux.WaitForAsync("PID USER");
        await tmux.SendKeysAsync("Right");
        await tmux.WaitForAsync("Jetson engines");
        await tmux.SendKeysAsync("Left");
        await tmux.WaitForAsync("PID USER");

        await tmux.SendKeysAsync("h");
        await tmux.WaitForAsync("jetson_clocks on/off");
        await tmux.SendKeysAsync("Escape");
        await Eventually.TrueAsync(async () => !(await tmux.CaptureAsync()).Contains("jetson_clocks on/off", StringComparison.Ordinal), "help to close", TimeSpan.FromSeconds(30));

        await tmux.SendKeysAsync("+");
        await tmux.WaitForAsync("every 2.0 s");
        await tmux.SendKeysAsync("-", "-");
        await tmux.WaitForAsync("every 0.5 s");

        await tmux.SendKeysAsync("/");
        await tmux.SendLiteralAsync("no-such-process-name");
        await tmux.SendKeysAsync("Enter");
        await tmux.WaitForAsync("0 of ");
        await tmux.SendKeysAsync("Escape");
        await tmux.WaitForAsync("sorted by memory");
        (await tmux.CaptureAsync()).ShouldNotContain("filter '");
    }

    [RequiresToolFact("tmux")]
    public async Task Top_MouseClicks_OnTabsAndColumnHeaders()
    {
        await using var tmux = await TmuxTerminal.StartAsync(_home.FullName, [AuraBinary.Path, "top", "--local"]);
        var screen = await tmux.WaitForAsync("RAM ");
        var tabs = screen.Split('\n')[1];

        await tmux.SendLiteralAsync(Click(tabs.IndexOf("2 Processes", StringComparison.Ordinal), 1));
        var processes = await tmux.WaitForAsync("PID USER");
        processes.ShouldContain("sorted by CPU");
        var header = processes.Split('\n').First(l => l.Contains("PID USER", StringComparison.Ordinal));
        var row = Array.IndexOf(processes.Split('\n'), header);

        await tmux.SendLiteralAsync(Click(header.IndexOf("MEM%", StringComparison.Ordinal), row));
        await tmux.WaitForAsync("sorted by memory");
    }

    [RequiresToolFact("tmux")]
    public async Task Top_NoColor_DrawsWithoutColours()
    {
        await using var plain = await TmuxTerminal.StartAsync(_home.FullName, [AuraBinary.Path, "top", "--local"], new Dictionary<string, string?> { ["NO_COLOR"] = "1" });
        await using var coloured = await TmuxTerminal.StartAsync(_home.FullName, [AuraBinary.Path, "top", "--local"]);
        await plain.WaitForAsync("RAM ");
        await coloured.WaitForAsync("RAM ");

        var withColour = await coloured.CaptureAsync(escapes: true);
        var without = await plain.CaptureAsync(escapes: true);

        withColour.ShouldMatch(@"\e\[[0-9;]*38;5;\d+");
        without.ShouldNotMatch(@"\e\[[0-9;]*[34]8;[25];");
        without.ShouldNotMatch(@"\e\[[0-9;]*(3|4|9|10)[0-7]m");
        without.ShouldContain("aura top");
        without.ShouldMatch(@"\e\[[0-9;]*1m");
    }

    [RequiresToolFact("tmux")]
    public async Task Jscope_ThroughALink_RunsAuraTop()
    {
        var link = Path.Combine(_home.FullName, "jscope");
        File.CreateSymbolicLink(link, AuraBinary.Path);

        await using var tmux = await TmuxTerminal.StartAsync(
            _home.FullName, [link], new Dictionary<string, string?> { ["JETSONSCOPE_SOCKET_PATH"] = Path.Combine(_home.FullName, "none.sock") });
        var screen = await tmux.WaitForAsync("local sampler");

        screen.ShouldContain("aura top");
        screen.ShouldContain("1 Dashboard");
        await tmux.SendKeysAsync("q");
        (await tmux.WaitForExitAsync()).ExitCode.ShouldBe(0);
    }

    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "tegrastats", name);

    internal static string Click(int column, int row) =>
        FormattableString.Invariant($"\e[<0;{column + 1};{row + 1}M");

    private static void AssertRestored(string screen, string flags)
    {
        flags.ShouldBe("0 1 0", "alternate screen off, cursor shown, mouse reporting off");
        screen.ShouldContain(" icanon");
        screen.ShouldContain(" echo ");
        screen.ShouldNotContain("-icanon");
        screen.ShouldNotContain("-echo ");
    }

    private static string FirstLine(string screen) => screen.Split('\n')[0];

    private string Script(string name, string body) => Script(_home.FullName, name, body);

    /// <summary>An executable shell script in <paramref name="directory"/>: the stand-in tools the top tests start.</summary>
    internal static string Script(string directory, string name, string body)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
