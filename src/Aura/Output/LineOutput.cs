using System.Text;

namespace Aura.Output;

/// <summary>
/// Standard output written a line at a time and flushed per line, so `aura --watch | consumer` sees each tick at once.
/// A closed reader (`| head -1`) surfaces as <see cref="IOException"/>, which the caller treats as a quiet end.
/// </summary>
internal sealed class LineOutput(Stream stream) : IDisposable
{
    private readonly StreamWriter _writer = new(stream, new UTF8Encoding(false), 64 * 1024) { AutoFlush = false, NewLine = "\n" };

    public TextWriter Text => _writer;

    /// <summary>
    /// Standard output through write(2) on fd 1: Console's own stream swallows EPIPE on Unix, so a closed pipe would go
    /// unnoticed and `aura --watch | head -1` would never end; and a FileStream writes at its own offset, losing the
    /// lines of whoever else writes to the same redirected file.
    /// </summary>
    public static LineOutput OpenStandardOutput() =>
        OperatingSystem.IsWindows()
            ? new LineOutput(Console.OpenStandardOutput())
            : new LineOutput(new DescriptorStream(1));

    public void WriteLine(string line) => Guard(() =>
    {
        _writer.WriteLine(line);
        _writer.Flush();
    });

    public void WriteRaw(ReadOnlyMemory<byte> bytes) => Guard(() =>
    {
        _writer.Flush();
        _writer.BaseStream.Write(bytes.Span);
        _writer.BaseStream.Flush();
    });

    public void Flush() => Guard(_writer.Flush);

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw new OutputClosedException(e);
        }
    }

    public void Dispose()
    {
        try
        {
            _writer.Dispose();
        }
        catch (IOException)
        {
            // The reader went away; there is nobody left to tell.
        }
    }
}
