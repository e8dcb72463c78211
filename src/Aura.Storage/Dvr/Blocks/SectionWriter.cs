using System.Buffers;
using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Dvr.Blocks;

/// <summary>
/// Builds "directory then sections": a count, (series id, length) pairs, then the sections back to back, so a reader
/// after one series skips straight to its bytes.
/// </summary>
internal sealed class SectionWriter(ArrayPool<byte>? pool = null) : IDisposable
{
    private readonly ByteWriter _sections = new(4096, pool);
    private readonly List<(int Id, int Length)> _directory = [];
    private int _sectionStart;

    /// <summary>Where the caller writes the next section; finish it with <see cref="EndSection"/>.</summary>
    public ByteWriter BeginSection(int id)
    {
        _directory.Add((id, 0));
        _sectionStart = _sections.Length;
        return _sections;
    }

    public void EndSection() => _directory[^1] = (_directory[^1].Id, _sections.Length - _sectionStart);

    public void CopyTo(ByteWriter output)
    {
        output.WriteVarUInt((ulong)_directory.Count);
        foreach (var (id, length) in _directory)
        {
            output.WriteVarUInt((ulong)id);
            output.WriteVarUInt((ulong)length);
        }

        output.WriteBytes(_sections.WrittenSpan);
        _directory.Clear();
        _sections.Clear();
    }

    public void Dispose() => _sections.Dispose();
}
