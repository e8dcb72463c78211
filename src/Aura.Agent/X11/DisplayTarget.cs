namespace Aura.Agent.X11;

/// <summary>Which X display to use: <c>--display</c>, else <c>DISPLAY</c>. Wayland without X and no display at all are errors.</summary>
public static class DisplayTarget
{
    public const int MaxLength = 128;

    /// <exception cref="AgentException">No usable display name.</exception>
    public static string Resolve(string? flag, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (flag is not null)
        {
            return Validate(flag, "--display");
        }

        var display = environment("DISPLAY");
        if (!string.IsNullOrEmpty(display))
        {
            return Validate(display, "DISPLAY");
        }

        if (!string.IsNullOrEmpty(environment("WAYLAND_DISPLAY")))
        {
            throw new AgentException("this is a Wayland session without an X display: the agent captures and drives X11 only; run it under XWayland (set DISPLAY) or pass --display :N");
        }

        throw new AgentException("no X display: set DISPLAY or pass --display :N (e.g. --display :1)");
    }

    private static string Validate(string name, string origin)
    {
        if (name.Length == 0 || name.Length > MaxLength || name.IndexOf(':', StringComparison.Ordinal) < 0 || name.AsSpan().ContainsAny('\0', '\n', ' '))
        {
            throw new AgentException($"{origin}: '{name}' is not an X display name (expected :N, :N.S or host:N, at most {MaxLength} characters)");
        }

        return name;
    }
}
