using System.Globalization;

namespace Aura.Tui.Views;

/// <summary>Figures as the views print them: invariant culture, fixed widths, "--" for a missing reading.</summary>
internal static class Fmt
{
    public static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Percent(double? ratio) => ratio is { } r && !double.IsNaN(r) ? Inv($"{r * 100,5:0.0}%") : "   --";

    public static string Mhz(double? mhz) => mhz switch
    {
        null => "",
        >= 1000 => Inv($"{mhz / 1000:0.00} GHz"),
        _ => Inv($"{mhz:0} MHz"),
    };

    public static string Bytes(double? bytes) => bytes is { } b ? Output.Units.Bytes(b) : "--";

    public static string Rate(double? rate) => Output.Units.Rate(rate);

    public static string Celsius(double celsius) => Inv($"{celsius:0.0}°C");

    public static string Watts(double milliwatts) => milliwatts >= 1000 ? Inv($"{milliwatts / 1000:0.00} W") : Inv($"{milliwatts:0} mW");
}
