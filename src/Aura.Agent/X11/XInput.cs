using System.Runtime.InteropServices;

namespace Aura.Agent.X11;

/// <summary>
/// Pointer and keyboard input through XTest, in-process: the X server sees real device events. Characters missing from
/// the keymap are typed through a spare keycode remapped for the moment (as xdotool does). Not thread-safe: callers
/// hold the display's action lock.
/// </summary>
internal sealed unsafe class XInput : IDisposable
{
    private readonly XDisplay _display;
    private readonly Dictionary<ulong, (byte Keycode, bool Shift)> _keymap = [];
    private readonly byte _shift;
    private readonly int _spare;

    private XInput(XDisplay display)
    {
        _display = display;
        _ = X11Native.XDisplayKeycodes(display.Handle, out var min, out var max);
        var keysyms = X11Native.XGetKeyboardMapping(display.Handle, (byte)min, max - min + 1, out var perKeycode);
        _spare = 0;
        for (var code = max; code >= min; code--)
        {
            var empty = true;
            for (var level = 0; level < perKeycode; level++)
            {
                var keysym = keysyms[((code - min) * perKeycode) + level];
                if (keysym == 0)
                {
                    continue;
                }

                empty = false;
                if (level < 2)
                {
                    // Lower keycodes win: walking down, a later (lower) entry replaces an earlier one.
                    if (!_keymap.TryGetValue(keysym, out var known) || level == 0 || known.Shift)
                    {
                        _keymap[keysym] = ((byte)code, level == 1);
                    }
                }
            }

            if (empty && _spare == 0)
            {
                _spare = code;
            }
        }

        _ = X11Native.XFree(keysyms);
        _shift = X11Native.XKeysymToKeycode(display.Handle, Keysyms.ShiftL);
    }

    public int Width => _display.Width;

    public int Height => _display.Height;

    public string DisplayName => _display.Name;

    /// <exception cref="AgentException">libXtst is missing or the server lacks XTest.</exception>
    public static XInput Open(string name)
    {
        var display = XDisplay.Open(name);
        try
        {
            if (!NativeLibrary.TryLoad(XTestNative.Library, out _))
            {
                throw new AgentException($"{XTestNative.Library} is not installed: the agent sends input through XTest (Debian: apt-get install libxtst6)");
            }

            if (XTestNative.XTestQueryExtension(display.Handle, out _, out _, out _, out _) == 0)
            {
                throw new AgentException($"display {name} lacks the XTEST extension, which the agent needs to send input");
            }

            return new XInput(display);
        }
        catch
        {
            display.Dispose();
            throw;
        }
    }

    public void Move(int x, int y)
    {
        _ = XTestNative.XTestFakeMotionEvent(_display.Handle, _display.Screen, x, y, 0);
        Sync();
    }

    /// <summary>Presses and releases <paramref name="button"/> (1 left, 2 middle, 3 right, 4-7 wheel) <paramref name="times"/> times.</summary>
    public void Click(uint button, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _ = XTestNative.XTestFakeButtonEvent(_display.Handle, button, 1, 0);
            _ = XTestNative.XTestFakeButtonEvent(_display.Handle, button, 0, 0);
        }

        Sync();
    }

    /// <summary>Presses the keysyms in order, then releases them in reverse (a combination such as ctrl+c).</summary>
    public void Chord(ReadOnlySpan<ulong> keysyms)
    {
        Span<byte> codes = stackalloc byte[keysyms.Length];
        for (var i = 0; i < keysyms.Length; i++)
        {
            codes[i] = X11Native.XKeysymToKeycode(_display.Handle, keysyms[i]);
            if (codes[i] == 0)
            {
                throw new AgentException($"display {_display.Name} has no key for keysym 0x{keysyms[i]:X}");
            }
        }

        foreach (var code in codes)
        {
            _ = XTestNative.XTestFakeKeyEvent(_display.Handle, code, 1, 0);
        }

        for (var i = codes.Length - 1; i >= 0; i--)
        {
            _ = XTestNative.XTestFakeKeyEvent(_display.Handle, codes[i], 0, 0);
        }

        Sync();
    }

    public void Type(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var keysym = Keysyms.ForChar(rune.Value);
            if (_keymap.TryGetValue(keysym, out var key))
            {
                Press(key.Keycode, key.Shift);
            }
            else
            {
                TypeThroughSpare(keysym);
            }
        }

        Sync();
    }

    public void Dispose() => _display.Dispose();

    private void Press(byte keycode, bool shift)
    {
        if (shift)
        {
            _ = XTestNative.XTestFakeKeyEvent(_display.Handle, _shift, 1, 0);
        }

        _ = XTestNative.XTestFakeKeyEvent(_display.Handle, keycode, 1, 0);
        _ = XTestNative.XTestFakeKeyEvent(_display.Handle, keycode, 0, 0);
        if (shift)
        {
            _ = XTestNative.XTestFakeKeyEvent(_display.Handle, _shift, 0, 0);
        }
    }

    private void TypeThroughSpare(ulong keysym)
    {
        if (_spare == 0)
        {
            throw new AgentException($"display {_display.Name} has no free keycode to type U+{keysym & 0xFFFFFF:X4}");
        }

        var pair = stackalloc ulong[2] { keysym, keysym };
        _ = X11Native.XChangeKeyboardMapping(_display.Handle, _spare, 2, pair, 1);
        _ = X11Native.XSync(_display.Handle, 0);
        Press((byte)_spare, shift: false);
        _ = X11Native.XSync(_display.Handle, 0);
        pair[0] = pair[1] = 0;
        _ = X11Native.XChangeKeyboardMapping(_display.Handle, _spare, 2, pair, 1);
    }

    private void Sync() => _ = X11Native.XSync(_display.Handle, 0);
}
