namespace Aura.Agent.X11;

/// <summary>The keysyms behind the agent's key names, and the keysym of a typed character.</summary>
internal static class Keysyms
{
    public const ulong Return = 0xFF0D;
    public const ulong Tab = 0xFF09;
    public const ulong ShiftL = 0xFFE1;

    /// <summary>AuraOS's allowlist (enter, esc, arrow_up...) plus function keys; nothing else can be sent as a key.</summary>
    public static IReadOnlyDictionary<string, ulong> Named { get; } = BuildNamed();

    /// <summary>Modifiers allowed in a combination such as <c>ctrl+shift+t</c>.</summary>
    public static IReadOnlyDictionary<string, ulong> Modifiers { get; } = new Dictionary<string, ulong>(StringComparer.Ordinal)
    {
        ["ctrl"] = 0xFFE3,
        ["control"] = 0xFFE3,
        ["shift"] = ShiftL,
        ["alt"] = 0xFFE9,
        ["super"] = 0xFFEB,
        ["meta"] = 0xFFEB,
    };

    /// <summary>The keysym X uses for a character: Latin-1 as is, everything else as 0x01000000 + code point.</summary>
    public static ulong ForChar(int codePoint) => codePoint switch
    {
        '\n' => Return,
        '\t' => Tab,
        >= 0x20 and <= 0x7E or >= 0xA0 and <= 0xFF => (ulong)codePoint,
        _ => 0x01000000UL | (uint)codePoint,
    };

    private static Dictionary<string, ulong> BuildNamed()
    {
        var named = new Dictionary<string, ulong>(StringComparer.Ordinal)
        {
            ["enter"] = Return,
            ["return"] = Return,
            ["backspace"] = 0xFF08,
            ["delete"] = 0xFFFF,
            ["tab"] = Tab,
            ["escape"] = 0xFF1B,
            ["esc"] = 0xFF1B,
            ["space"] = 0x20,
            ["arrow_up"] = 0xFF52,
            ["arrow_down"] = 0xFF54,
            ["arrow_left"] = 0xFF51,
            ["arrow_right"] = 0xFF53,
            ["home"] = 0xFF50,
            ["end"] = 0xFF57,
            ["page_up"] = 0xFF55,
            ["page_down"] = 0xFF56,
            ["insert"] = 0xFF63,
        };
        for (var f = 1; f <= 12; f++)
        {
            named[$"f{f}"] = 0xFFBEUL + (ulong)(f - 1);
        }

        return named;
    }
}
