using Aura.Core.Model;

namespace Aura.Telemetry.Jetson;

/// <summary><c>CPU [19%@729,off,8%@729]</c>, and the older <c>CPU [1%,0%,off,off]@102</c> with one clock for all cores.</summary>
internal sealed partial class TegrastatsParser
{
    private int TryCores(ReadOnlySpan<char> text, int i)
    {
        if (i + 1 >= _tokens.Count || !text[_tokens[i + 1]].StartsWith('['))
        {
            return 0;
        }

        var start = _tokens[i + 1].Start.Value + 1;
        var close = text[start..].IndexOf(']');
        if (close < 0)
        {
            return 0;
        }

        close += start;
        var last = i + 1;
        while (_tokens[last].End.Value <= close)
        {
            last++;
        }

        // The closing bracket's token may carry a shared clock: "]@102".
        var after = text[(close + 1).._tokens[last].End.Value];
        double? shared = null;
        if (!after.IsEmpty)
        {
            if (after[0] != '@' || !TegraNumbers.TryNumber(after[1..], out var mhz))
            {
                return 0;
            }

            shared = mhz;
        }

        if (!TryCoreList(text[start..close], shared))
        {
            _cores.Clear();
            return 0;
        }

        return last + 1 - i;
    }

    private bool TryCoreList(ReadOnlySpan<char> list, double? shared)
    {
        var index = 0;
        foreach (var part in list.Split(','))
        {
            var entry = list[part].Trim();
            if (_cores.Count >= MaxItems)
            {
                return false;
            }

            if (entry is "off")
            {
                _cores.Add(new JetsonCore(index++, false, null, null));
                continue;
            }

            var at = entry.IndexOf('@');
            var load = at >= 0 ? entry[..at] : entry;
            if (!TegraNumbers.TryPercent(load, out var percent))
            {
                return false;
            }

            double? mhz = shared;
            if (at >= 0)
            {
                if (!TegraNumbers.TryNumber(entry[(at + 1)..], out var own))
                {
                    return false;
                }

                mhz = own;
            }

            _cores.Add(new JetsonCore(index++, true, percent, mhz));
        }

        return _cores.Count > 0;
    }
}
