namespace Aura.Tui.Render;

internal static class GraphStyles
{
    /// <summary>Braille where the locale says UTF-8 (LC_ALL, then LC_CTYPE, then LANG), else ASCII.</summary>
    public static GraphStyle Detect(Func<string, string?> variable)
    {
        foreach (var name in new[] { "LC_ALL", "LC_CTYPE", "LANG" })
        {
            if (variable(name) is { Length: > 0 } locale)
            {
                return locale.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || locale.Contains("utf8", StringComparison.OrdinalIgnoreCase)
                    ? GraphStyle.Braille
                    : GraphStyle.Ascii;
            }
        }

        return GraphStyle.Ascii;
    }

    public static GraphStyle Parse(string text) => text switch
    {
        "braille" => GraphStyle.Braille,
        "block" => GraphStyle.Block,
        "ascii" => GraphStyle.Ascii,
        _ => throw new Cli.UsageException($"--graphs must be braille, block or ascii, not '{text}'"),
    };
}
