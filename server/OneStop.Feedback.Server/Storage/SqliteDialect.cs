using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OneStop.Feedback.Server.Storage;

/// <summary>
/// The embedded store. Every connection gets the same pragmas, so that readers, the ingest writer and the API see one
/// consistent configuration: WAL for concurrent readers, FULL sync by default so that a committed batch survives power
/// loss (a PUBACK promises that), and a busy timeout instead of SQLITE_BUSY errors.
/// </summary>
public sealed class SqliteDialect : SqlDialect
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int Full = 13;
    private const int Constraint = 19;

    private readonly string _connectionString;
    private readonly string _pragmas;

    public SqliteDialect(string path, string synchronous)
    {
        var sync = synchronous.Equals("normal", StringComparison.OrdinalIgnoreCase) ? "NORMAL" : "FULL";
        _pragmas = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={sync}; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public override string Name => "sqlite";

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = _pragmas;
        pragma.ExecuteNonQuery();
        return connection;
    }

    public override string TranslateSchema(string ddl) => ddl;

    public override int SchemaVersion(DbConnection connection, DbTransaction? tx) =>
        Convert.ToInt32(connection.Scalar("PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);

    public override string SetSchemaVersion(int version) => $"PRAGMA user_version = {version};";

    public override void LockForWork(DbConnection connection, DbTransaction tx, long key)
    {
        // One writer at a time is SQLite's own rule; the server processes sharing a file wait on busy_timeout.
    }

    public override bool IsTransient(Exception ex) => ex is SqliteException { SqliteErrorCode: Busy or Locked };

    public override bool IsUniqueViolation(Exception ex) =>
        ex is SqliteException { SqliteErrorCode: Constraint, SqliteExtendedErrorCode: 2067 or 1555 };

    public override bool IsDiskFull(Exception ex) => ex is SqliteException { SqliteErrorCode: Full };
}
