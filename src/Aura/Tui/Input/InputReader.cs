using System.Threading.Channels;
using Aura.Tui.Terminal;
using Microsoft.Win32.SafeHandles;

namespace Aura.Tui.Input;

/// <summary>
/// Reads the terminal on a background thread and posts decoded input. The thread blocks in read(2) and is left to end
/// with the process; it never touches the screen.
/// </summary>
internal static class InputReader
{
    public static void Start(ChannelWriter<TopMessage> messages)
    {
        var thread = new Thread(() => Run(messages)) { IsBackground = true, Name = "aura top input" };
        thread.Start();
    }

    private static void Run(ChannelWriter<TopMessage> messages)
    {
        using var input = new FileStream(new SafeFileHandle(Libc.StdIn, ownsHandle: false), FileAccess.Read, bufferSize: 0);
        var buffer = new byte[4096];
        var events = new List<InputEvent>();
        while (true)
        {
            int read;
            try
            {
                read = input.Read(buffer);
            }
            catch (IOException)
            {
                read = 0;
            }

            if (read <= 0)
            {
                // The terminal closed (hung-up SSH session): stop as if the user quit.
                messages.TryWrite(TopMessage.Input(InputEvent.Key(InputKind.CtrlC)));
                return;
            }

            events.Clear();
            KeyParser.Parse(buffer.AsSpan(0, read), events);
            foreach (var e in events)
            {
                messages.TryWrite(TopMessage.Input(e));
            }
        }
    }
}
