using Aura.Controls;

namespace Aura.Server.Metrics;

/// <summary>
/// Control states as metrics: whether each control is supported, numeric and on/off values as numbers, and named values
/// (governors, power mode) as an info series whose label is one of the control's own options, so cardinality is bounded.
/// </summary>
internal static class ControlMetrics
{
    public static void Write(PrometheusWriter writer, IReadOnlyList<ControlInfo> controls)
    {
        if (controls.Count == 0)
        {
            return;
        }

        writer.Family("aura_control_supported", "1 when the hardware control can be used on this machine.", "gauge");
        foreach (var control in controls)
        {
            writer.Sample("aura_control_supported", control.Supported ? 1 : 0, "control", control.Name);
        }

        var numeric = false;
        foreach (var control in controls)
        {
            if (Number(control) is not { } value)
            {
                continue;
            }

            if (!numeric)
            {
                writer.Family("aura_control_value", "A control's value: percent for fan, 1 or 0 for on/off controls.", "gauge");
                numeric = true;
            }

            writer.Sample("aura_control_value", value, "control", control.Name);
        }

        var named = false;
        foreach (var control in controls)
        {
            if (!control.Supported || Number(control) is not null || !control.Options.Contains(control.Value))
            {
                continue;
            }

            if (!named)
            {
                writer.Family("aura_control_info", "A control's current named value (governor, power mode); always 1.", "gauge");
                named = true;
            }

            writer.Sample("aura_control_info", 1, "control", control.Name, "value", control.Value);
        }
    }

    private static double? Number(ControlInfo control)
    {
        if (!control.Supported)
        {
            return null;
        }

        if (control.Min is not null && double.TryParse(control.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return control.Options is ["on", "off"] ? OnOff.Parse(control.Value) is { } on ? (on ? 1 : 0) : null : null;
    }
}
