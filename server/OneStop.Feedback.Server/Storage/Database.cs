using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace OneStop.Feedback.Server.Storage;

/// <summary>
/// Opens connections to the SQLite database. Every connection gets the same pragmas, so that readers, the
/// ingest writer and the API see one consistent configuration: WAL for concurrent readers, FULL sync by default so that a
/// committed batch survives power loss (a PUBACK promises that), and a busy timeout instead of SQLITE_BUSY errors.
/// </summary>
public sealed class Database
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    public Database(IOptions<StorageOptions> options)
    {
        var path = options.Value.DatabasePath;
        var synchronous = options.Value.Synchronous.Equals("normal", StringComparison.OrdinalIgnoreCase) ? "NORMAL" : "FULL";
        _pragmas = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
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

    /// <summary>Opens a pooled connection with the project's pragmas applied.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = _pragmas;
        pragma.ExecuteNonQuery();
        return connection;
    }
}
