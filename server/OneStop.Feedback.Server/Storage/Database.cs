using System.Data.Common;
using Microsoft.Extensions.Options;

namespace OneStop.Feedback.Server.Storage;

/// <summary>
/// The relational store, chosen here and nowhere else: <c>Storage:Relational = sqlite</c> (default, a file in the data
/// directory) or <c>postgres</c> (<c>ConnectionStrings:Postgres</c>, for several replicas). Code opens connections with
/// <see cref="Open"/> and talks portable SQL through <see cref="Sql"/>; the differences live in <see cref="Dialect"/>.
/// </summary>
public sealed class Database : IDisposable
{
    public Database(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        Dialect = o.IsPostgres
            ? new PostgresDialect(o.PostgresConnectionString ?? throw new InvalidOperationException("Storage:Relational=postgres needs ConnectionStrings:Postgres"))
            : new SqliteDialect(o.DatabasePath, o.Synchronous);
    }

    /// <summary>The engine's differences (schema DDL, locks, error classification).</summary>
    public SqlDialect Dialect { get; }

    private long _assignmentsVersion;

    /// <summary>
    /// Changes after every committed change of <c>terminal_assignments</c> made through this process (see
    /// <see cref="AssignmentsChanged"/>). The ingest writer keeps the terminals' counter histories across batches while it
    /// stays the same. Only meaningful when this process is the only writer (SQLite); on PostgreSQL other replicas move
    /// terminals too, so the writer reads the histories in every batch there.
    /// </summary>
    public long AssignmentsVersion => Interlocked.Read(ref _assignmentsVersion);

    /// <summary>Whether this process is the only one writing the database (SQLite: one server per file).</summary>
    public bool SingleWriterProcess => Dialect is SqliteDialect;

    /// <summary>Call after committing a change of <c>terminal_assignments</c>.</summary>
    public void AssignmentsChanged() => Interlocked.Increment(ref _assignmentsVersion);

    /// <summary>Opens a pooled connection with the project's settings applied.</summary>
    public DbConnection Open() => Dialect.Open();

    /// <summary>Closes the pooled connections (PostgreSQL's data source; SQLite pools per process).</summary>
    public void Dispose() => (Dialect as IDisposable)?.Dispose();
}
