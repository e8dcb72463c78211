namespace Aura.Telemetry.Jetson;

/// <summary>Where tegrastats lines come from.</summary>
public enum TegrastatsMode
{
    /// <summary>No Jetson readings: not a Jetson, and no command or synthetic mode asked for.</summary>
    Off,

    /// <summary>The real <c>tegrastats --interval ms</c> on a Jetson.</summary>
    Tegrastats,

    /// <summary>Any command printing tegrastats lines (JetsonScope's emulator mode): <c>JETSONSCOPE_STATS_CMD</c> or <c>AURA_TEGRASTATS_CMD</c>.</summary>
    Command,

    /// <summary>Made-up lines for demos (<c>JETSONSCOPE_TUI_MODE=synthetic</c> or <c>AURA_TEGRASTATS_MODE=synthetic</c>).</summary>
    Synthetic,
}
