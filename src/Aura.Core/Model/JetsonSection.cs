using System.Collections.Immutable;

namespace Aura.Core.Model;

/// <summary>
/// One tegrastats line, parsed: memory pools, MTS, per-core CPU, engines, temperatures and power rails. Only what the
/// line holds is here; a token the parser does not know is kept verbatim in <see cref="Unknown"/>, never guessed at.
/// </summary>
public sealed record JetsonSection
{
    /// <summary>Where the line came from: <c>tegrastats</c>, <c>command</c> (JETSONSCOPE_STATS_CMD) or <c>synthetic</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The line's own time stamp as printed (<c>11-30-2025 13:26:01</c>, local time, no zone), when it has one.</summary>
    public string? LineTime { get; init; }

    public JetsonMemory? Ram { get; init; }

    public JetsonMemory? Swap { get; init; }

    /// <summary>Memory local to the video engines (older Jetsons).</summary>
    public JetsonMemory? Iram { get; init; }

    public JetsonMts? Mts { get; init; }

    public ImmutableArray<JetsonCore> Cores { get; init; } = [];

    public ImmutableArray<JetsonEngine> Engines { get; init; } = [];

    /// <summary>Sensors that report a temperature; tegrastats' -256 "no reading" sentinels are left out.</summary>
    public ImmutableArray<JetsonTemperature> Temperatures { get; init; } = [];

    public ImmutableArray<JetsonRail> Rails { get; init; } = [];

    /// <summary>Tokens the parser did not recognise, verbatim and in order.</summary>
    public ImmutableArray<string> Unknown { get; init; } = [];

    /// <summary>The line as read.</summary>
    public required string Raw { get; init; }
}
