using System.Data.Common;
using Npgsql;

namespace OneStop.Feedback.Server.Storage;

/// <summary>
/// Small helpers for parameterised commands, so that every statement in the server is built from constant
/// SQL plus parameters (never by concatenating values) without repeating the ADO.NET ceremony. Parameters are
/// written <c>$name</c> on both engines; on PostgreSQL <see cref="Command"/> renames them for Npgsql. PostgreSQL
/// cannot type a parameter that is only tested for null, so optional filters are written
/// <c>(CAST($x AS TEXT) IS NULL OR col = $x)</c> (BIGINT for integers), and in <c>ON CONFLICT DO UPDATE</c> a column
/// read from the existing row is qualified with its table name.
/// </summary>
public static class Sql
{
    public static DbCommand Command(this DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
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
        return command;
    }

    public static int Execute(this DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static List<T> Query<T>(this DbConnection connection, string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
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
