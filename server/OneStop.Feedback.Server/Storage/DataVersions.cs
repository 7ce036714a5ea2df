using System.Data.Common;
using System.Globalization;

namespace OneStop.Feedback.Server.Storage;

/// <summary>
/// Named version counters (table <c>dossier_version</c>, created for the dossiers and since used for every kept
/// result): a write bumps the name it changes in its own transaction, and a reader keeps what it computed only while
/// the versions it read are unchanged. A name not written yet is version 0.
/// </summary>
public static class DataVersions
{
    /// <summary>Increments <paramref name="name"/> in <paramref name="tx"/> and returns its new version. On PostgreSQL the
    /// row stays locked until the commit, so writers bumping the same name take turns.</summary>
    public static long Bump(DbConnection connection, DbTransaction? tx, string name) =>
        Convert.ToInt64(connection.Scalar(tx, """
            INSERT INTO dossier_version (name, version) VALUES ($name, 1)
            ON CONFLICT (name) DO UPDATE SET version = dossier_version.version + 1
            RETURNING version
            """, ("$name", name)), CultureInfo.InvariantCulture);

    /// <summary>The current version of <paramref name="name"/>.</summary>
    public static long Read(DbConnection connection, DbTransaction? tx, string name) =>
        Convert.ToInt64(connection.Scalar(tx, "SELECT coalesce(max(version), 0) FROM dossier_version WHERE name = $name", ("$name", name)),
            CultureInfo.InvariantCulture);
}
