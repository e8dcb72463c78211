using System.Text;

namespace Aura.Tui.Input;

/// <summary>
/// Decodes what a terminal sends in raw mode: UTF-8 characters, control keys, CSI and SS3 escape sequences (arrows,
/// paging, Home/End, Shift-Tab) and SGR mouse reports (<c>ESC [ &lt; b ; x ; y M</c>). An ESC at the end of a read is the
/// Escape key; bytes of a sequence it does not know are dropped rather than typed.
/// </summary>
internal static class KeyParser
{
    public static void Parse(ReadOnlySpan<byte> input, List<InputEvent> events)
    {
        var i = 0;
        while (i < input.Length)
        {
            var b = input[i];
            if (b == 0x1B)
            {
                i = Escape(input, i, events);
                continue;
            }

            i++;
            switch (b)
            {
                case 0x03: events.Add(InputEvent.Key(InputKind.CtrlC)); break;
                case 0x09: events.Add(InputEvent.Key(InputKind.Tab)); break;
                case 0x0D or 0x0A: events.Add(InputEvent.Key(InputKind.Enter)); break;
                case 0x7F or 0x08: events.Add(InputEvent.Key(InputKind.Backspace)); break;
                case < 0x20: break;
                case < 0x80: events.Add(InputEvent.Of((char)b)); break;
                default:
                    i = Utf8(input, i - 1, events);
                    break;
            }
        }
    }

    private static int Utf8(ReadOnlySpan<byte> input, int start, List<InputEvent> events)
    {
        var length = input[start] switch
        {
            >= 0xF0 => 4,
            >= 0xE0 => 3,
            >= 0xC0 => 2,
            _ => 1,
        };
        length = Math.Min(length, input.Length - start);
        Span<char> chars = stackalloc char[2];
        var count = Encoding.UTF8.GetChars(input.Slice(start, length), chars);
        for (var c = 0; c < count; c++)
        {
            if (!char.IsControl(chars[c]) && !char.IsSurrogate(chars[c]))
            {
                events.Add(InputEvent.Of(chars[c]));
            }
        }

        return start + length;
    }

    private static int Escape(ReadOnlySpan<byte> input, int start, List<InputEvent> events)
    {
        if (start + 1 >= input.Length)
        {
            events.Add(InputEvent.Key(InputKind.Escape));
            return start + 1;
        }

        var introducer = input[start + 1];
        if (introducer == (byte)'O' && start + 2 < input.Length)
        {
            if (Final(input[start + 2]) is { } ss3)
            {
                events.Add(InputEvent.Key(ss3));
            }

            return start + 3;
        }

        if (introducer != (byte)'[')
        {
            // Alt+key arrives as ESC key: treat it as the Escape key followed by the key.
            events.Add(InputEvent.Key(InputKind.Escape));
            return start + 1;
        }

        var end = start + 2;
        while (end < input.Length && input[end] is >= 0x20 and <= 0x3F)
        {
            end++;
        }

        if (end >= input.Length)
        {
            return input.Length;
        }

        var parameters = input[(start + 2)..end];
        var final = input[end];
        if (parameters.Length > 0 && parameters[0] == (byte)'<' && final is (byte)'M' or (byte)'m')
        {
            Mouse(parameters[1..], final == (byte)'M', events);
        }
        else if (final == (byte)'~')
        {
            var key = Number(parameters, 0) switch
            {
                1 or 7 => InputKind.Home,
                4 or 8 => InputKind.End,
                3 => InputKind.Delete,
                5 => InputKind.PageUp,
                6 => InputKind.PageDown,
                _ => (InputKind?)null,
            };
            if (key is { } known)
            {
                events.Add(InputEvent.Key(known));
            }
        }
        else if (final == (byte)'Z')
        {
            events.Add(InputEvent.Key(InputKind.BackTab));
        }
        else if (Final(final) is { } csi)
        {
            events.Add(InputEvent.Key(csi));
        }

        return end + 1;
    }

    private static InputKind? Final(byte b) => b switch
    {
        (byte)'A' => InputKind.Up,
        (byte)'B' => InputKind.Down,
        (byte)'C' => InputKind.Right,
        (byte)'D' => InputKind.Left,
        (byte)'H' => InputKind.Home,
        (byte)'F' => InputKind.End,
        _ => null,
    };

    private static void Mouse(ReadOnlySpan<byte> parameters, bool press, List<InputEvent> events)
    {
        var button = Number(parameters, 0);
        var x = Number(parameters, 1);
        var y = Number(parameters, 2);
        // Button 0 (left) presses only; releases, drags (32+) and the wheel (64+) are not clicks.
        if (press && button == 0 && x > 0 && y > 0)
        {
            events.Add(new InputEvent(InputKind.Click, '\0', x - 1, y - 1));
        }
    }

    /// <summary>The <paramref name="index"/>th semicolon-separated decimal parameter, or -1.</summary>
    private static int Number(ReadOnlySpan<byte> parameters, int index)
    {
        var field = 0;
        var value = -1;
        foreach (var b in parameters)
        {
            if (b == (byte)';')
            {
                if (field++ == index)
                {
                    return value;
                }

                value = -1;
            }
            else if (b is >= (byte)'0' and <= (byte)'9' && value < 100_000)
            {
                value = (value < 0 ? 0 : value * 10) + (b - '0');
            }
        }

        return field == index ? value : -1;
    }
}
