using Aura.Storage.Dvr.Codecs;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr.Reader;

/// <summary>
/// Reads one series' section out of a "directory then sections" blob through incremental blob I/O: the directory,
/// then only that section's bytes, so a query for one series never pulls a whole block or day of them.
/// </summary>
internal sealed class SectionFetcher
{
    private byte[] _prefix = new byte[4096];

    /// <summary>The section of <paramref name="seriesId"/>, or null when the row has none.</summary>
    public byte[]? Fetch(SqliteConnection connection, string table, string column, long rowid, int seriesId)
    {
        using var blob = new SqliteBlob(connection, table, column, rowid, readOnly: true);
        var length = (int)blob.Length;
        while (true)
        {
            var read = Math.Min(_prefix.Length, length);
            blob.Position = 0;
            blob.ReadExactly(_prefix, 0, read);
            if (TryLocate(_prefix.AsSpan(0, read), seriesId, out var offset, out var size))
            {
                if (offset < 0)
                {
                    return null;
                }

                var section = new byte[size];
                blob.Position = offset;
                blob.ReadExactly(section);
                return section;
            }

            if (read == length)
            {
                throw new InvalidDataException($"A {table} row's directory is corrupt.");
            }

            _prefix = new byte[_prefix.Length * 4];
        }
    }

    /// <summary>False when the prefix ends inside the directory; else the section's place (offset -1 when absent).</summary>
    private static bool TryLocate(ReadOnlySpan<byte> prefix, int seriesId, out int offset, out int size)
    {
        offset = -1;
        size = 0;
        try
        {
            var reader = new ByteReader(prefix);
            var count = reader.ReadLength();
            var before = 0;
            var found = -1;
            for (var i = 0; i < count; i++)
            {
                var id = (int)reader.ReadVarUInt();
                var length = reader.ReadLength();
                if (id == seriesId)
                {
                    found = before;
                    size = length;
                }

                before += length;
            }

            offset = found < 0 ? -1 : reader.Position + found;
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
