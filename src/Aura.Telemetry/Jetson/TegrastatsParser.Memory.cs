using Aura.Core.Model;

namespace Aura.Telemetry.Jetson;

/// <summary>RAM, SWAP and IRAM: <c>2257/30536MB (lfb 5392x4MB)</c>, <c>0/15268MB (cached 0MB)</c>, <c>0/252kB(lfb 252kB)</c>.</summary>
internal sealed partial class TegrastatsParser
{
    /// <summary>The tokens the pool took (its name, figures and any parenthesised group), or 0 when it does not parse.</summary>
    private int TryMemory(ReadOnlySpan<char> text, int i, out JetsonMemory? memory)
    {
        memory = null;
        if (i + 1 >= _tokens.Count)
        {
            return 0;
        }

        var valueRange = _tokens[i + 1];
        var value = text[valueRange];
        var open = value.IndexOf('(');
        var figures = open >= 0 ? value[..open] : value;
        if (!TryUsedTotal(figures, out var used, out var total))
        {
            return 0;
        }

        var groupStart = -1;
        var next = i + 2;
        if (open >= 0)
        {
            groupStart = valueRange.Start.Value + open + 1;
            next = i + 1;
        }
        else if (next < _tokens.Count && text[_tokens[next]].StartsWith('('))
        {
            groupStart = _tokens[next].Start.Value + 1;
        }

        if (groupStart < 0)
        {
            memory = new JetsonMemory(used, total, null, null);
            return 2;
        }

        var close = text[groupStart..].IndexOf(')');
        if (close < 0)
        {
            return 0;
        }

        close += groupStart;
        long? cached = null;
        JetsonFreeBlock? lfb = null;
        if (!TryGroup(text[groupStart..close], ref cached, ref lfb))
        {
            return 0;
        }

        // The group ends inside some token: the pool takes every token up to and including it.
        var last = next;
        while (last < _tokens.Count && _tokens[last].End.Value <= close)
        {
            last++;
        }

        memory = new JetsonMemory(used, total, cached, lfb);
        return last + 1 - i;
    }

    private static bool TryUsedTotal(ReadOnlySpan<char> figures, out long used, out long total)
    {
        used = total = 0;
        var slash = figures.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var totalText = figures[(slash + 1)..];
        var unitStart = TegraNumbers.NumberEnd(totalText);
        if (unitStart == 0 || !TegraNumbers.TrySize(totalText, 0, out total))
        {
            return false;
        }

        // The unit is written once, after the total: "2257/30536MB".
        var unit = totalText[unitStart..] switch
        {
            "B" => 1L,
            "kB" or "KB" or "K" => 1024L,
            "MB" or "M" => 1024L * 1024,
            "GB" or "G" => 1024L * 1024 * 1024,
            _ => 0L,
        };
        return unit != 0 && TegraNumbers.TrySize(figures[..slash], unit, out used);
    }

    /// <summary>The inside of the parentheses: <c>lfb 5392x4MB</c>, <c>lfb 252kB</c> or <c>cached 0MB</c>.</summary>
    private static bool TryGroup(ReadOnlySpan<char> group, ref long? cached, ref JetsonFreeBlock? lfb)
    {
        group = group.Trim();
        var space = group.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        var key = group[..space];
        var value = group[(space + 1)..].Trim();
        switch (key)
        {
            case "cached" when TegraNumbers.TrySize(value, 0, out var bytes):
                cached = bytes;
                return true;
            case "lfb":
                var x = value.IndexOf('x');
                if (x > 0 && TegraNumbers.IsDigits(value[..x]) && TegraNumbers.TrySize(value[(x + 1)..], 0, out var size)
                    && long.TryParse(value[..x], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
                {
                    lfb = new JetsonFreeBlock(count, size);
                    return true;
                }

                if (x < 0 && TegraNumbers.TrySize(value, 0, out var alone))
                {
                    lfb = new JetsonFreeBlock(null, alone);
                    return true;
                }

                return false;
            default:
                return false;
        }
    }
}
