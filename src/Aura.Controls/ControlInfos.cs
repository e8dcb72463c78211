using System.Collections.Immutable;

namespace Aura.Controls;

/// <summary>Builds <see cref="ControlInfo"/>s: every control requires root to change; an unsupported one says why in its description.</summary>
internal static class ControlInfos
{
    public static ControlInfo Unsupported(string name, string description, string reason) =>
        new(name, $"{description} Not supported here: {reason}.", "", [], true, null, null, null, true, false, null);

    public static ControlInfo Choice(string name, string description, string value, ImmutableArray<string> options) =>
        new(name, description, value, options, false, null, null, null, true, true, null);

    public static ControlInfo Range(string name, string description, int value, uint min, uint max, string unit) =>
        new(name, description, value.ToString(System.Globalization.CultureInfo.InvariantCulture), [], false, min, max, 1, true, true, unit);

    /// <summary>The reason an unsupported control gives, taken back out of its description.</summary>
    public static string Reason(ControlInfo info)
    {
        const string marker = " Not supported here: ";
        var at = info.Description.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? "this machine does not have it" : info.Description[(at + marker.Length)..].TrimEnd('.');
    }
}
