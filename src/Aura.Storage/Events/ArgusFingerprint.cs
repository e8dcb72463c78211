using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Aura.Storage.Events;

/// <summary>
/// A digest of every row of an Argus <c>events</c> table, every column with its SQLite type, in id order: two files with
/// the same fingerprint hold the same events byte for byte. Also the count and the id range, to check the migrated file.
/// </summary>
internal readonly record struct ArgusFingerprint(long Count, long MinId, long MaxId, string Digest)
{
    public static ArgusFingerprint Of(SqliteConnection connection)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, * FROM events ORDER BY id";
        using var reader = command.ExecuteReader();
        long count = 0, min = 0, max = 0;
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            (min, max) = count == 0 ? (id, id) : (Math.Min(min, id), Math.Max(max, id));
            count++;
            for (var column = 1; column < reader.FieldCount; column++)
            {
                var isNull = reader.IsDBNull(column);
                hash.AppendData([isNull ? (byte)0 : (byte)1]);
                if (!isNull)
                {
                    var bytes = reader.GetFieldValue<byte[]>(column);
                    hash.AppendData(BitConverter.GetBytes(bytes.Length));
                    hash.AppendData(bytes);
                }
            }
        }

        return new ArgusFingerprint(count, min, max, System.Convert.ToHexString(hash.GetHashAndReset()));
    }
}
