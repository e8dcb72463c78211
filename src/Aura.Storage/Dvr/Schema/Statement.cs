using Microsoft.Data.Sqlite;

namespace Aura.Storage.Dvr.Schema;

/// <summary>A prepared command reused for every execution; parameters are named $0, $1, ... in the SQL.</summary>
internal sealed class Statement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public Statement(SqliteConnection connection, string sql, int parameterCount)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _parameters = new SqliteParameter[parameterCount];
        for (var i = 0; i < parameterCount; i++)
        {
            _parameters[i] = _command.Parameters.Add(new SqliteParameter("$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        }
    }

    public Statement Bind(int index, object? value)
    {
        _parameters[index].Value = value ?? DBNull.Value;
        return this;
    }

    public int Execute(SqliteTransaction? transaction)
    {
        _command.Transaction = transaction;
        return _command.ExecuteNonQuery();
    }

    public SqliteDataReader Query(SqliteTransaction? transaction)
    {
        _command.Transaction = transaction;
        return _command.ExecuteReader();
    }

    public object? Scalar(SqliteTransaction? transaction)
    {
        _command.Transaction = transaction;
        return _command.ExecuteScalar();
    }

    public void Dispose() => _command.Dispose();
}
