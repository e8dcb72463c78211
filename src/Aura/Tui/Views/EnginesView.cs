using Aura.Core.Model;

namespace Aura.Tui.Views;

/// <summary>JetsonScope's GPU Engines: a gauge for every engine tegrastats reports, then each NVIDIA/AMD GPU in full.</summary>
internal static class EnginesView
{
    private const int Column = 40;

    public static void Draw(DrawContext c, TopState state, Snapshot s, int top, int bottom)
    {
        var theme = c.Theme;
        var y = top;
        if (s.Jetson is { } jetson)
        {
            c.Text(0, y++, Fmt.Inv($"Jetson engines ({jetson.Source})"), theme.Title, Render.CellAttributes.Bold);
            var columns = Math.Max(1, c.Width / Column);
            for (var i = 0; i < jetson.Engines.Length; i++)
            {
                var row = y + (i / columns);
                if (row >= bottom)
                {
                    break;
                }

                var e = jetson.Engines[i];
                var ratio = e.Off ? 0 : e.UsagePercent / 100 ?? 0;
                c.Gauge((i % columns) * Column, row, Pad(e.Name, 11), 11, 12, ratio, DashboardView.EngineText(e));
            }

            y += (jetson.Engines.Length + columns - 1) / columns + 1;
        }

        if (s.Gpus.IsEmpty && s.Jetson is null)
        {
            c.Text(0, y, "No GPU: this machine reports no NVIDIA or AMD GPU and no Jetson engines.", theme.Muted);
            return;
        }

        foreach (var gpu in s.Gpus)
        {
            if (y + 3 > bottom)
            {
                break;
            }

            c.Text(0, y++, Fmt.Inv($"GPU {gpu.Index}  {gpu.Name}  ({gpu.Vendor}, {gpu.Source}){(gpu.PerformanceState is { } p ? Fmt.Inv($"  P{p}") : "")}"), theme.Title, Render.CellAttributes.Bold);
            c.Gauge(0, y, "util ", 5, 16, gpu.UtilizationPercent / 100 ?? 0, Fmt.Percent(gpu.UtilizationPercent / 100));
            c.Gauge(Column, y++, "mem  ", 5, 16, gpu.MemoryUsedRatio ?? 0, Fmt.Inv($"{Fmt.Bytes(gpu.MemoryUsedBytes)} of {Fmt.Bytes(gpu.MemoryTotalBytes)}"));
            var power = gpu.PowerWatts is { } w ? Fmt.Inv($"power {w:0.0} W{(gpu.PowerLimitWatts is { } l ? Fmt.Inv($" of {l:0} W") : "")}") : "power --";
            var clocks = Fmt.Inv($"clocks gr {gpu.GraphicsClockMhz?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "--"} sm {gpu.SmClockMhz?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "--"} mem {gpu.MemoryClockMhz?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "--"} MHz");
            var temp = gpu.TemperatureCelsius is { } t ? "temp " + Fmt.Celsius(t) : "temp --";
            var fan = gpu.FanPercent is { } f ? Fmt.Inv($"fan {f:0}%") : "";
            var codec = Fmt.Inv($"enc {Fmt.Percent(gpu.EncoderUtilizationPercent / 100).Trim()} dec {Fmt.Percent(gpu.DecoderUtilizationPercent / 100).Trim()}");
            c.Text(0, y++, $"{power}  {temp}  {fan}  {clocks}  {codec}", theme.Text);
            y++;
        }
    }

    private static string Pad(string name, int width) => name.Length >= width ? name[..(width - 1)] + " " : name.PadRight(width);
}
