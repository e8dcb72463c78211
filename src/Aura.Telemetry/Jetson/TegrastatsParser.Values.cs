using Aura.Core.Model;

namespace Aura.Telemetry.Jetson;

/// <summary>
/// <c>NAME value</c> pairs. A value with a slash is a power rail (<c>VDD_IN 5704mW/5704mW</c>, <c>VDD_IN 14025/14416</c>);
/// anything else that parses is an engine: <c>off</c>, <c>75%</c>, <c>59%@1300</c>, <c>0%@[305]</c> or a bare <c>150</c>.
/// </summary>
internal sealed partial class TegrastatsParser
{
    private int TryNamedValue(ReadOnlySpan<char> text, int i)
    {
        if (i + 1 >= _tokens.Count)
        {
            return 0;
        }

        var name = text[_tokens[i]];
        var value = text[_tokens[i + 1]];
        if (!IsName(name))
        {
            return 0;
        }

        var slash = value.IndexOf('/');
        if (slash >= 0)
        {
            if (_rails.Count < MaxItems
                && TegraNumbers.TryPower(value[..slash], out var current, out var unit)
                && TegraNumbers.TryPower(value[(slash + 1)..], out var average, out _))
            {
                _rails.Add(new JetsonRail(_names.Get(name), current, average, unit));
                return 2;
            }

            return 0;
        }

        if (_engines.Count < MaxItems && TryEngine(value, out var off, out var usage, out var mhz, out var bare))
        {
            _engines.Add(new JetsonEngine(_names.Get(name), off, usage, mhz, bare));
            return 2;
        }

        return 0;
    }

    private static bool TryEngine(ReadOnlySpan<char> value, out bool off, out double? usage, out double? mhz, out double? bare)
    {
        off = false;
        usage = mhz = bare = null;
        if (value is "off")
        {
            off = true;
            return true;
        }

        if (TegraNumbers.IsDigits(value) || (value.Contains('.') && !value.Contains('%') && TegraNumbers.NumberEnd(value) == value.Length))
        {
            if (TegraNumbers.TryNumber(value, out var number))
            {
                bare = number;
                return true;
            }

            return false;
        }

        var at = value.IndexOf('@');
        if (!TegraNumbers.TryPercent(at >= 0 ? value[..at] : value, out var percent))
        {
            return false;
        }

        usage = percent;
        if (at < 0)
        {
            return true;
        }

        var clock = value[(at + 1)..];
        if (clock.Length > 2 && clock[0] == '[' && clock[^1] == ']')
        {
            // JetPack 6 prints one clock per GPC: "[305]" or "[305,305]"; the first is the engine's clock.
            clock = clock[1..^1];
            var comma = clock.IndexOf(',');
            if (comma >= 0)
            {
                clock = clock[..comma];
            }
        }

        if (!TegraNumbers.TryNumber(clock, out var freq))
        {
            return false;
        }

        mhz = freq;
        return true;
    }
}
