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

    /// <summary>Opens a pooled connection with the project's settings applied.</summary>
    public DbConnection Open() => Dialect.Open();

    /// <summary>Closes the pooled connections (PostgreSQL's data source; SQLite pools per process).</summary>
    public void Dispose() => (Dialect as IDisposable)?.Dispose();
}
