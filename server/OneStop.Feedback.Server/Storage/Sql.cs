using System.Data.Common;
using Npgsql;

namespace OneStop.Feedback.Server.Storage;

/// <summary>
/// Small helpers for parameterised commands, so that every statement in the server is built from constant
/// SQL plus parameters (never by concatenating values) without repeating the ADO.NET ceremony. Parameters are
/// written <c>$name</c> on both engines; on PostgreSQL <c>Command</c> renames them for Npgsql. PostgreSQL
/// cannot type a parameter that is only tested for null, so optional filters are written
/// <c>(CAST($x AS TEXT) IS NULL OR col = $x)</c> (BIGINT for integers), and in <c>ON CONFLICT DO UPDATE</c> a column
/// read from the existing row is qualified with its table name. Each helper has an overload that takes the
/// transaction the statement belongs to, so code inside a transaction needs no command of its own.
/// </summary>
public static class Sql
{
    public static DbCommand Command(this DbConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        connection.Command(null, sql, parameters);

    /// <summary>
    /// A command enlisted in <paramref name="tx"/>. When null, the command is left as the connection creates it (a
    /// SQLite command then joins the connection's open transaction, if any; Npgsql always runs in it).
    /// </summary>
    public static DbCommand Command(this DbConnection connection, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        var postgres = connection is NpgsqlConnection;
        command.CommandText = postgres ? PostgresDialect.Parameters(sql) : sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = postgres ? PostgresDialect.ParameterName(name) : name;
            // Booleans are stored as 0/1 integers on both engines.
            parameter.Value = value switch { null => DBNull.Value, bool b => b ? 1L : 0L, _ => value };
            command.Parameters.Add(parameter);
        }
        if (tx is not null)
        {
            command.Transaction = tx;
        }
        return command;
    }

    public static int Execute(this DbConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        connection.Execute(null, sql, parameters);

    /// <summary>Runs one statement inside <paramref name="tx"/> (null: as in the transaction-taking Command); returns the rows it changed.</summary>
    public static int Execute(this DbConnection connection, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(tx, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this DbConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        connection.Scalar(null, sql, parameters);

    /// <summary>The first column of the first row inside <paramref name="tx"/> (null: as in the transaction-taking Command); null for no row or SQL NULL.</summary>
    public static object? Scalar(this DbConnection connection, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(tx, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static List<T> Query<T>(this DbConnection connection, string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters) =>
        connection.Query(null, sql, map, parameters);

    /// <summary>Every row of a query inside <paramref name="tx"/> (null: as in the transaction-taking Command), each mapped by <paramref name="map"/>.</summary>
    public static List<T> Query<T>(this DbConnection connection, DbTransaction? tx, string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(tx, sql, parameters);
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(map(reader));
        }
        return list;
    }

    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableInt64(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static DateTimeOffset Time(this DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? NullableTime(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static long? Ms(this DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();
}
