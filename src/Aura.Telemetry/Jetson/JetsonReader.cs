using System.Collections.Immutable;
using Aura.Core.Model;

namespace Aura.Telemetry.Jetson;

/// <summary>
/// The Jetson section of each tick: the feed's latest line, parsed once (a tick that finds the same line reuses the
/// section). The first read waits, once and briefly, for the feed's first line so a one-shot `aura --json` has it.
/// </summary>
internal sealed class JetsonReader : IDisposable
{
    private readonly ITegraLines _lines;
    private readonly string _source;
    private readonly TimeSpan _firstWait;
    private readonly TegrastatsParser _parser = new();
    private bool _waited;
    private string? _lastLine;
    private JetsonSection? _lastSection;
    private string? _lastProblem;
    private ImmutableArray<string> _unavailable = [];

    public JetsonReader(ITegraLines lines, string source, TimeSpan firstWait)
    {
        _lines = lines;
        _source = source;
        _firstWait = firstWait;
    }

    /// <summary>A reader for <paramref name="settings"/>, or null when they say Off.</summary>
    public static JetsonReader? Create(TegrastatsSettings settings, TimeSpan interval, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var firstWait = TimeSpan.FromSeconds(Math.Min(10, interval.TotalSeconds + 2));
        return settings.Mode switch
        {
            TegrastatsMode.Synthetic => new JetsonReader(new SyntheticLines(clock), "synthetic", TimeSpan.Zero),
            TegrastatsMode.Command => new JetsonReader(new ProcessLineFeed(settings.Executable, settings.Arguments, settings.Origin, clock), "command", firstWait),
            TegrastatsMode.Tegrastats => new JetsonReader(new ProcessLineFeed(settings.Executable, settings.Arguments, settings.Origin, clock), "tegrastats", firstWait),
            _ => null,
        };
    }

    /// <summary>Why the section is missing, as a <see cref="Snapshot.Unavailable"/> entry; empty while there is one.</summary>
    public ImmutableArray<string> Unavailable => _lastSection is null ? _unavailable : [];

    public JetsonSection? Read()
    {
        if (!_waited)
        {
            _waited = true;
            _lines.WaitForFirst(_firstWait);
        }

        var line = _lines.Latest();
        if (line is null)
        {
            var problem = _lines.Problem ?? "jetson: no tegrastats line yet";
            if (!ReferenceEquals(problem, _lastProblem))
            {
                _lastProblem = problem;
                _unavailable = [problem.StartsWith("jetson:", StringComparison.Ordinal) ? problem : "jetson: " + problem];
            }

            return null;
        }

        if (!ReferenceEquals(line, _lastLine))
        {
            _lastLine = line;
            _lastSection = _parser.Parse(line, _source);
        }

        return _lastSection;
    }

    public void Dispose() => _lines.Dispose();
}
