using Aura.Core.Model;

namespace Aura.Tui.Views;

/// <summary>JetsonScope's Dashboard: CPU with per-core gauges and clocks, RAM/SWAP/IRAM, GPU load, engines, temperatures, rails, disks, network.</summary>
internal static class DashboardView
{
    private const int CoreColumn = 40;

    public static void Draw(DrawContext c, TopState state, Snapshot s, int top, int bottom)
    {
        var theme = c.Theme;
        var y = top;
        var total = s.Cpu.Total?.Busy;
        var x = c.Gauge(0, y, "CPU  ", 5, 20, total ?? 0, Fmt.Percent(total));
        if (s.Cpu.Load is { } load)
        {
            x = c.Text(x + 2, y, Fmt.Inv($"load {load.One:0.00} {load.Five:0.00} {load.Fifteen:0.00}"), theme.Muted);
        }

        Spark(c, state, state.CpuTotal, x + 2, y, c.Width - x - 2, 1);
        y++;

        y = Cores(c, state, s, y, bottom);
        y = MemoryRows(c, state, s, y, bottom);
        y = GpuRows(c, s, y, bottom);
        if (s.Jetson is { } jetson && y < bottom)
        {
            var engines = jetson.Engines.Select(e => (Fmt.Inv($"{e.Name} {EngineText(e)}"), e.Off ? theme.Muted : theme.Text));
            y += c.Flow(0, y, c.Width, Math.Min(3, bottom - y), "Engines", engines);
            y += c.Flow(0, y, c.Width, Math.Min(2, bottom - y), "Power  ", jetson.Rails.Select(r => (Fmt.Inv($"{r.Name} {Fmt.Watts(r.CurrentMilliwatts)}/{Fmt.Watts(r.AverageMilliwatts)}"), theme.Text)));
        }

        var temps = s.Thermal.Sensors.Select(t => (Fmt.Inv($"{t.Label} {Fmt.Celsius(t.Celsius)}"), theme.Level(t.Celsius / (t.CriticalCelsius ?? 100))))
            .Concat((s.Jetson?.Temperatures ?? []).Select(t => (Fmt.Inv($"{t.Name} {Fmt.Celsius(t.Celsius)}"), theme.Level(t.Celsius / 100))));
        y += c.Flow(0, y, c.Width, Math.Min(2, bottom - y), "Temps  ", temps);
        y += c.Flow(0, y, c.Width, Math.Min(2, bottom - y), "Disks  ", s.Disks.Select(d => (Fmt.Inv($"{d.Device} r {Fmt.Rate(d.ReadBytesPerSecond)} w {Fmt.Rate(d.WriteBytesPerSecond)}"), theme.Text)));
        var net = s.Network.Interfaces.Where(i => i.Name != "lo")
            .Select(i => (Fmt.Inv($"{i.Name} ↓{Fmt.Rate(i.Rates?.RxBytesPerSecond)} ↑{Fmt.Rate(i.Rates?.TxBytesPerSecond)}"), theme.Text));
        y += c.Flow(0, y, c.Width, Math.Min(2, bottom - y), "Net    ", net);
        History(c, state, y + 1, bottom);
    }

    /// <summary>What is left of the screen shows the CPU's recent history, as btop does.</summary>
    private static void History(DrawContext c, TopState state, int y, int bottom)
    {
        var height = Math.Min(8, bottom - y - 1);
        if (height < 2 || state.FrozenAt is not null)
        {
            return;
        }

        c.Text(0, y, Fmt.Inv($"CPU, last {c.Width * (c.Graphs == Render.GraphStyle.Braille ? 2 : 1)} refreshes"), c.Theme.Muted);
        Spark(c, state, state.CpuTotal, 0, y + 1, c.Width, height);
    }

    public static string EngineText(JetsonEngine e)
    {
        if (e.Off)
        {
            return "off";
        }

        var usage = e.UsagePercent is { } u ? Fmt.Inv($"{u:0}%") : "";
        var freq = e.FrequencyMhz is { } f ? Fmt.Inv($"@{f:0}") : "";
        var value = e.Value is { } v && usage.Length == 0 && freq.Length == 0 ? Fmt.Inv($"{v:0}") : "";
        return usage + freq + value;
    }

    private static int Cores(DrawContext c, TopState state, Snapshot s, int y, int bottom)
    {
        var columns = Math.Max(1, c.Width / CoreColumn);
        var cores = s.Cpu.Cores;
        var jetsonCores = s.Jetson?.Cores ?? [];
        var count = Math.Max(cores.Length, jetsonCores.Length);
        var rows = (count + columns - 1) / columns;
        var shown = Math.Min(rows, Math.Max(1, (bottom - y) / 3));
        for (var i = 0; i < count && i / columns < shown; i++)
        {
            var row = y + (i / columns);
            var x = (i % columns) * CoreColumn;
            double? busy = i < cores.Length ? cores[i].Times?.Busy : null;
            double? mhz = i < cores.Length ? cores[i].FrequencyMhz : null;
            if (i < jetsonCores.Length)
            {
                busy ??= jetsonCores[i].LoadPercent / 100;
                mhz ??= jetsonCores[i].FrequencyMhz;
            }

            var offline = i < cores.Length ? !cores[i].Online : i < jetsonCores.Length && !jetsonCores[i].Online;
            var label = Fmt.Inv($"c{i,-3}");
            if (offline)
            {
                c.Text(x, row, label + " off", c.Theme.Muted);
                continue;
            }

            c.Text(x, row, label, c.Theme.Accent);

            if (i < state.Cores.Count && state.FrozenAt is null)
            {
                Spark(c, state, state.Cores[i], x + 4, row, 8, 1);
            }

            c.Gauge(x + 13, row, "", 0, 10, busy ?? 0, Fmt.Percent(busy) + " " + Fmt.Mhz(mhz));
        }

        return y + shown;
    }

    private static int MemoryRows(DrawContext c, TopState state, Snapshot s, int y, int bottom)
    {
        if (y >= bottom)
        {
            return y;
        }

        var m = s.Memory;
        var x = c.Gauge(0, y, "RAM  ", 5, 20, m.UsedRatio, Fmt.Inv($"{Fmt.Percent(m.UsedRatio)} {Fmt.Bytes(m.UsedBytes)} of {Fmt.Bytes(m.TotalBytes)}"));
        Spark(c, state, state.Memory, x + 2, y, c.Width - x - 2, 1);
        y++;
        if (y < bottom)
        {
            c.Gauge(0, y, "SWAP ", 5, 20, m.SwapUsedRatio, Fmt.Inv($"{Fmt.Percent(m.SwapUsedRatio)} {Fmt.Bytes(m.SwapUsedBytes)} of {Fmt.Bytes(m.SwapTotalBytes)}"));
            y++;
        }

        if (s.Jetson?.Iram is { } iram && y < bottom)
        {
            var ratio = iram.TotalBytes > 0 ? (double)iram.UsedBytes / iram.TotalBytes : 0;
            c.Gauge(0, y, "IRAM ", 5, 20, ratio, Fmt.Inv($"{Fmt.Percent(ratio)} {Fmt.Bytes(iram.UsedBytes)} of {Fmt.Bytes(iram.TotalBytes)}"));
            y++;
        }

        return y;
    }

    private static int GpuRows(DrawContext c, Snapshot s, int y, int bottom)
    {
        foreach (var gpu in s.Gpus)
        {
            if (y >= bottom)
            {
                return y;
            }

            var util = gpu.UtilizationPercent / 100;
            c.Gauge(0, y, Fmt.Inv($"GPU{gpu.Index} "), 5, 20, util ?? 0, Fmt.Inv($"{Fmt.Percent(util)} mem {Fmt.Bytes(gpu.MemoryUsedBytes)}/{Fmt.Bytes(gpu.MemoryTotalBytes)} {gpu.Name}"));
            y++;
        }

        if (s.Jetson is { } jetson && y < bottom)
        {
            foreach (var engine in jetson.Engines)
            {
                if (engine.Name.StartsWith("GR3D", StringComparison.Ordinal))
                {
                    var ratio = engine.UsagePercent / 100;
                    c.Gauge(0, y++, "GPU  ", 5, 20, ratio ?? 0, Fmt.Inv($"{Fmt.Percent(ratio)} {engine.Name} {EngineText(engine)}"));
                    break;
                }
            }
        }

        return y;
    }

    private static void Spark(DrawContext c, TopState state, Data.SeriesRing ring, int x, int y, int width, int height)
    {
        if (width < 4 || state.FrozenAt is not null)
        {
            return;
        }

        Span<double> values = stackalloc double[Math.Min(width * 2, 400)];
        var count = ring.CopyLatest(values);
        Render.Graphs.Sparkline(c.Screen, x, y, width, height, values[..count], c.Graphs, c.Theme);
    }
}
