using System.Data.Common;

namespace OneStop.Feedback.Server.Storage;

/// <summary>
/// The few places where SQLite and PostgreSQL really differ: how a connection is opened, the schema DDL (the
/// migration steps are written once, in SQLite's words, and translated), where the schema version is kept, how
/// concurrent writers are kept apart, and which errors are worth a retry. Everything else is portable SQL that
/// goes through <see cref="Sql"/>. Chosen once, by <see cref="Database"/> from <c>Storage:Relational</c>.
/// </summary>
public abstract class SqlDialect
{
    /// <summary><c>sqlite</c> or <c>postgres</c>, as in <c>Storage:Relational</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Opens a pooled connection, configured for this project.</summary>
    public abstract DbConnection Open();

    /// <summary>A migration step (SQLite DDL) in this engine's words.</summary>
    public abstract string TranslateSchema(string ddl);

    /// <summary>How many migration steps the database has applied.</summary>
    public abstract int SchemaVersion(DbConnection connection, DbTransaction? tx);

    /// <summary>The statement that records <paramref name="version"/> as applied, run in the step's transaction.</summary>
    public abstract string SetSchemaVersion(int version);

    /// <summary>
    /// Serialises a transaction against the same work in other server processes (migrations, the attribution pass):
    /// SQLite has one writer anyway; PostgreSQL takes a transaction-scoped advisory lock, released at commit or rollback.
    /// </summary>
    public abstract void LockForWork(DbConnection connection, DbTransaction tx, long key);

    /// <summary>True when the failed transaction may simply be run again (busy, serialization failure, deadlock).</summary>
    public abstract bool IsTransient(Exception ex);

    /// <summary>True for a UNIQUE / PRIMARY KEY violation.</summary>
    public abstract bool IsUniqueViolation(Exception ex);

    /// <summary>True when the database refused a write for lack of space.</summary>
    public abstract bool IsDiskFull(Exception ex);

    /// <summary>Advisory-lock keys of the serialised kinds of work.</summary>
    public static class Work
    {
        public const long Migrations = 0x4F53_0001;
        public const long Attribution = 0x4F53_0002;
    }
}
