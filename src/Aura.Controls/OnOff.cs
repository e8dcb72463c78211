namespace Aura.Controls;

/// <summary>The spellings an on/off control accepts.</summary>
public static class OnOff
{
    public static bool? Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "on" or "1" or "true" or "yes" or "enable" or "enabled" => true,
        "off" or "0" or "false" or "no" or "disable" or "disabled" => false,
        _ => null,
    };

    public static string Text(bool on) => on ? "on" : "off";
}
