using System.Collections.Immutable;
using Aura.Core.Model;

namespace Aura.Telemetry.Jetson;

/// <summary>
/// Reads one tegrastats line into a <see cref="JetsonSection"/>, span by span: every format from TX1 to Orin
/// (RAM/SWAP/IRAM with lfb, MTS, per-core CPU with <c>off</c> cores, engines with or without a clock, temperatures,
/// power rails in W, mW or unit-less). What it does not recognise goes to <see cref="JetsonSection.Unknown"/> verbatim.
/// Power rails (<c>NAME cur/avg</c>) are never taken for engines. Names are cached, builders reused: not thread-safe.
/// </summary>
internal sealed partial class TegrastatsParser
{
    /// <summary>At most this many engines, rails, temperatures and cores per line, so series labels stay bounded.</summary>
    public const int MaxItems = 64;

    /// <summary>Longer names are not engine, rail or sensor names; such tokens are kept as unknown.</summary>
    public const int MaxNameLength = 32;

    private readonly NameCache _names = new();
    private readonly List<Range> _tokens = [];
    private readonly ImmutableArray<JetsonEngine>.Builder _engines = ImmutableArray.CreateBuilder<JetsonEngine>();
    private readonly ImmutableArray<JetsonRail>.Builder _rails = ImmutableArray.CreateBuilder<JetsonRail>();
    private readonly ImmutableArray<JetsonTemperature>.Builder _temperatures = ImmutableArray.CreateBuilder<JetsonTemperature>();
    private readonly ImmutableArray<JetsonCore>.Builder _cores = ImmutableArray.CreateBuilder<JetsonCore>();
    private readonly ImmutableArray<string>.Builder _unknown = ImmutableArray.CreateBuilder<string>();

    public JetsonSection Parse(string line, string source)
    {
        ArgumentNullException.ThrowIfNull(line);
        line = line.TrimEnd('\r', '\n');
        var text = line.AsSpan();
        Tokenize(text);
        Clear();

        string? lineTime = null;
        JetsonMemory? ram = null, swap = null, iram = null;
        JetsonMts? mts = null;
        var i = 0;
        if (_tokens.Count >= 2 && IsDate(text[_tokens[0]]) && IsTime(text[_tokens[1]]))
        {
            lineTime = line[_tokens[0].Start.Value.._tokens[1].End.Value];
            i = 2;
        }

        while (i < _tokens.Count)
        {
            var token = text[_tokens[i]];
            var used = token switch
            {
                "RAM" when ram is null => TryMemory(text, i, out ram),
                "SWAP" when swap is null => TryMemory(text, i, out swap),
                "IRAM" when iram is null => TryMemory(text, i, out iram),
                "MTS" when mts is null => TryMts(text, i, out mts),
                "CPU" when _cores.Count == 0 => TryCores(text, i),
                _ => TryTemperature(token) ? 1 : TryNamedValue(text, i),
            };
            if (used == 0)
            {
                _unknown.Add(token.ToString());
                used = 1;
            }

            i += used;
        }

        return new JetsonSection
        {
            Source = source,
            LineTime = lineTime,
            Ram = ram,
            Swap = swap,
            Iram = iram,
            Mts = mts,
            Cores = _cores.ToImmutable(),
            Engines = _engines.ToImmutable(),
            Temperatures = _temperatures.ToImmutable(),
            Rails = _rails.ToImmutable(),
            Unknown = _unknown.ToImmutable(),
            Raw = line,
        };
    }

    private void Clear()
    {
        _engines.Clear();
        _rails.Clear();
        _temperatures.Clear();
        _cores.Clear();
        _unknown.Clear();
    }

    private void Tokenize(ReadOnlySpan<char> text)
    {
        _tokens.Clear();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var blank = i == text.Length || text[i] == ' ' || text[i] == '\t';
            if (blank && start >= 0)
            {
                _tokens.Add(new Range(start, i));
                start = -1;
            }
            else if (!blank && start < 0)
            {
                start = i;
            }
        }
    }

    /// <summary><c>MTS fg X% bg Y%</c>: five tokens, or 0 when they are not that.</summary>
    private int TryMts(ReadOnlySpan<char> text, int i, out JetsonMts? mts)
    {
        mts = null;
        if (i + 4 < _tokens.Count
            && text[_tokens[i + 1]] is "fg" && TegraNumbers.TryPercent(text[_tokens[i + 2]], out var fg)
            && text[_tokens[i + 3]] is "bg" && TegraNumbers.TryPercent(text[_tokens[i + 4]], out var bg))
        {
            mts = new JetsonMts(fg, bg);
            return 5;
        }

        return 0;
    }

    /// <summary><c>NAME@41.375C</c>; a -256 (no reading) sentinel is recognised and dropped.</summary>
    private bool TryTemperature(ReadOnlySpan<char> token)
    {
        var at = token.LastIndexOf('@');
        if (at <= 0 || token.Length < at + 3 || token[^1] != 'C' || !IsName(token[..at])
            || !TegraNumbers.TryNumber(token[(at + 1)..^1], out var celsius))
        {
            return false;
        }

        if (celsius <= -256)
        {
            return true;
        }

        if (_temperatures.Count >= MaxItems)
        {
            return false;
        }

        _temperatures.Add(new JetsonTemperature(_names.Get(token[..at]), celsius));
        return true;
    }

    private static bool IsName(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > MaxNameLength || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>MM-dd-yyyy</c>, as tegrastats stamps each line since JetPack 5.</summary>
    private static bool IsDate(ReadOnlySpan<char> t) =>
        t.Length == 10 && t[2] == '-' && t[5] == '-' && TegraNumbers.IsDigits(t[..2]) && TegraNumbers.IsDigits(t[3..5]) && TegraNumbers.IsDigits(t[6..]);

    private static bool IsTime(ReadOnlySpan<char> t) =>
        t.Length == 8 && t[2] == ':' && t[5] == ':' && TegraNumbers.IsDigits(t[..2]) && TegraNumbers.IsDigits(t[3..5]) && TegraNumbers.IsDigits(t[6..]);
}
