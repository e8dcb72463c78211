using System.Globalization;
using System.Text;
using Aura.Core.Model;

namespace Aura.Output;

/// <summary>The text summary's Jetson lines: engines that are on (off ones counted), then power rails.</summary>
internal static class JetsonText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, JetsonSection? jetson)
    {
        if (jetson is null)
        {
            return;
        }

        var engines = new StringBuilder();
        var off = 0;
        foreach (var engine in jetson.Engines)
        {
            if (engine.Off)
            {
                off++;
                continue;
            }

            engines.Append(engines.Length == 0 ? "" : ", ").Append(engine.Name);
            if (engine.UsagePercent is { } usage)
            {
                engines.Append(Invariant, $" {usage:0}%");
            }

            if (engine.FrequencyMhz is { } mhz)
            {
                engines.Append(Invariant, $" @{mhz:0} MHz");
            }

            if (engine.Value is { } value)
            {
                engines.Append(Invariant, $" {value:0.##}");
            }
        }

        var offText = off > 0 ? string.Create(Invariant, $"{(engines.Length > 0 ? ", " : "")}{off} off") : "";
        output.WriteLine($"jetson   ({jetson.Source}) {engines}{offText}");
        if (!jetson.Rails.IsDefaultOrEmpty)
        {
            var rails = string.Join(", ", jetson.Rails.Select(r => string.Create(Invariant, $"{r.Name} {r.CurrentMilliwatts / 1000:0.00} W (avg {r.AverageMilliwatts / 1000:0.00})")));
            output.WriteLine($"power    {rails}");
        }
    }
}
