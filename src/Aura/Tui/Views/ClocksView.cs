using Aura.Core.Model;

namespace Aura.Tui.Views;

/// <summary>JetsonScope's Clocks/Governors: the CPU summary, EMC/MC/AXI and media-engine clocks, and every control's state.</summary>
internal static class ClocksView
{
    private static readonly string[] Memory = ["EMC", "MC", "AXI"];

    private static readonly string[] Media = ["GR3D", "NVENC", "NVDEC", "NVJPG", "VIC", "OFA", "ISP", "NVCSI", "APE", "PVA", "DLA"];

    public static void Draw(DrawContext c, TopState state, Snapshot s, int top, int bottom)
    {
        var theme = c.Theme;
        var y = top;
        c.Text(0, y++, Fmt.Inv($"CPU  {s.Host.CpuModel} · {s.Host.CpuCount} CPUs"), theme.Title, Render.CellAttributes.Bold);
        var clocks = new List<(string, int)>();
        for (var i = 0; i < s.Cpu.Cores.Length; i++)
        {
            var core = s.Cpu.Cores[i];
            clocks.Add((Fmt.Inv($"c{core.Id} {(core.Online ? Fmt.Mhz(core.FrequencyMhz) is { Length: > 0 } m ? m : "--" : "off")}"), core.Online ? theme.Text : theme.Muted));
        }

        if (clocks.Count == 0 && s.Jetson is { } j)
        {
            foreach (var core in j.Cores)
            {
                clocks.Add((Fmt.Inv($"c{core.Index} {(core.Online ? Fmt.Mhz(core.FrequencyMhz) : "off")}"), theme.Text));
            }
        }

        y += c.Flow(0, y, c.Width, Math.Min(4, bottom - y), "clocks", clocks);
        if (s.Jetson is { } jetson)
        {
            if (jetson.Mts is { } mts)
            {
                c.Text(0, y++, Fmt.Inv($"MTS  fg {mts.ForegroundPercent:0}%  bg {mts.BackgroundPercent:0}%"), theme.Text);
            }

            y += c.Flow(0, y, c.Width, Math.Min(2, bottom - y), "memory clocks", Engines(jetson, Memory, theme));
            y += c.Flow(0, y, c.Width, Math.Min(3, bottom - y), "GPU/media    ", Engines(jetson, Media, theme));
        }
        else
        {
            c.Text(0, y++, "EMC/MC/AXI and media-engine clocks come from tegrastats: none on this machine (JETSONSCOPE_STATS_CMD emulates one).", theme.Muted);
        }

        y++;
        if (y >= bottom)
        {
            return;
        }

        c.Text(0, y++, "Controls", theme.Title, Render.CellAttributes.Bold);
        if (state.ControlsProblem is { } problem)
        {
            c.Text(0, y, problem, theme.Muted);
            return;
        }

        foreach (var control in state.Controls)
        {
            if (y >= bottom)
            {
                break;
            }

            var text = control.Supported
                ? Fmt.Inv($"{control.Name,-14} {control.Value + control.Unit,-12} {string.Join(' ', control.Options)}")
                : Fmt.Inv($"{control.Name,-14} {"-",-12} unsupported: {control.Reason}");
            c.Text(0, y++, text, control.Supported ? theme.Text : theme.Muted);
        }
    }

    private static IEnumerable<(string, int)> Engines(JetsonSection jetson, string[] prefixes, Render.Theme theme)
    {
        foreach (var engine in jetson.Engines)
        {
            foreach (var prefix in prefixes)
            {
                if (engine.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    yield return (Fmt.Inv($"{engine.Name} {DashboardView.EngineText(engine)}"), engine.Off ? theme.Muted : theme.Text);
                    break;
                }
            }
        }
    }
}
