using System.Runtime.InteropServices;

namespace Aura.Output;

/// <summary>
/// Writes straight to a file descriptor with write(2). A <see cref="FileStream"/> over a regular file keeps its own
/// position and writes with pwrite, so output redirected to a file shared with other writers
/// (<c>{ echo a; aura; echo b; } &gt; out</c>, <c>2&gt;&amp;1</c>) would overwrite theirs; write(2) uses and advances the
/// file offset the shell shares with them. Unlike Console's stream it reports EPIPE, so a closed reader ends the output.
/// </summary>
internal sealed partial class DescriptorStream(int descriptor) : Stream
{
    private const int Eintr = 4;
    private const int Eagain = 11;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var written = WriteNative(descriptor, ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length);
            if (written < 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (error is Eintr or Eagain)
                {
                    continue;
                }

                throw new IOException($"writing to file descriptor {descriptor} failed: {Marshal.GetPInvokeErrorMessage(error)}", error);
            }

            buffer = buffer[(int)written..];
        }
    }

    public override void Flush()
    {
        // Nothing is buffered here.
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteNative(int fd, ref byte buffer, nuint count);
}
