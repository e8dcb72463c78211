namespace Aura.Tui.Render;

internal static class ColorModes
{
    /// <summary>
    /// <c>NO_COLOR</c> (any non-empty value, as no-color.org asks) wins; then <c>COLORTERM=truecolor|24bit</c>;
    /// then a <c>TERM</c> naming 256 colours; then 16; a dumb terminal gets none.
    /// </summary>
    public static ColorMode Detect(Func<string, string?> variable)
    {
        if (!string.IsNullOrEmpty(variable("NO_COLOR")))
        {
            return ColorMode.None;
        }

        var colorTerm = variable("COLORTERM") ?? "";
        if (colorTerm.Equals("truecolor", StringComparison.OrdinalIgnoreCase) || colorTerm.Equals("24bit", StringComparison.OrdinalIgnoreCase))
        {
            return ColorMode.TrueColor;
        }

        var term = variable("TERM") ?? "";
        if (term.Contains("256color", StringComparison.Ordinal))
        {
            return ColorMode.Ansi256;
        }

        return term is "dumb" ? ColorMode.None : ColorMode.Ansi16;
    }

    public static ColorMode Parse(string text) => text switch
    {
        "none" => ColorMode.None,
        "16" => ColorMode.Ansi16,
        "256" => ColorMode.Ansi256,
        "truecolor" => ColorMode.TrueColor,
        _ => throw new Cli.UsageException($"--colors must be none, 16, 256 or truecolor, not '{text}'"),
    };
}
