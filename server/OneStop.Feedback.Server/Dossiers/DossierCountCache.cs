using System.Data.Common;
using System.Globalization;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Dossiers;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Dossiers;

/// <summary>
/// The per-counter counts of the dossiers completed in a month, as the monthly report needs them. Counting them is a
/// scan of the month's dossiers (4 M rows at 10 M ratings), so the result is kept, tagged with
/// <c>dossier_version</c>, and reused only while that version is unchanged. Every write to <c>dossiers</c> calls
/// <see cref="Changed"/> in its own transaction, so kept counts can never be older than the dossiers: a report after
/// an import recounts once, the reports after it read about one row per counter.
/// </summary>
public static class DossierCountCache
{
    /// <summary>Marks every kept count out of date; call in the transaction that writes <c>dossiers</c>.</summary>
    public static void Changed(DbConnection connection, DbTransaction? tx) =>
        connection.Execute(tx, "UPDATE dossier_version SET version = version + 1 WHERE name = 'dossiers'");

    /// <summary>The month's counts: kept ones when still valid, else counted now and kept.</summary>
    public static IReadOnlyList<CounterDossierCounts> For(DbConnection connection, Month month, Action<Exception>? keepFailed = null)
    {
        var key = month.ToString();
        var version = Version(connection);
        var kept = Convert.ToInt64(connection.Scalar("SELECT coalesce(max(version), -1) FROM dossier_count_months WHERE month = $m", ("$m", key)), CultureInfo.InvariantCulture);
        if (kept == version)
        {
            var rows = connection.Query("SELECT counter_id, completed, with_due, on_time, late FROM dossier_counts WHERE month = $m",
                r => new CounterDossierCounts(r.GetString(0), Count(r, 1), Count(r, 2), Count(r, 3), Count(r, 4)), ("$m", key));
            // Read again: a write between the two reads may have changed the dossiers but not yet these rows.
            if (Version(connection) == version)
            {
                return rows;
            }
        }
        var counts = Count(connection, month);
        // Kept only if no dossier changed while counting; otherwise the next report counts again.
        if (Version(connection) == version)
        {
            try
            {
                Keep(connection, key, version, counts);
            }
            catch (Exception ex) when (ex is DbException)
            {
                keepFailed?.Invoke(ex); // a busy or full database: the report is still right, only not kept
            }
        }
        return counts;
    }

    private static long Version(DbConnection connection) =>
        Convert.ToInt64(connection.Scalar("SELECT version FROM dossier_version WHERE name = 'dossiers'"), CultureInfo.InvariantCulture);

    private static void Keep(DbConnection connection, string month, long version, IReadOnlyList<CounterDossierCounts> counts)
    {
        using var tx = connection.BeginTransaction();
        // A dossier write committed after this check leaves the version past `version`, so what is kept here is then
        // never used (SQLite refuses this transaction's write instead, as its snapshot is stale).
        if (Convert.ToInt64(connection.Scalar(tx, "SELECT version FROM dossier_version WHERE name = 'dossiers'"), CultureInfo.InvariantCulture) != version)
        {
            return;
        }
        connection.Execute(tx, "DELETE FROM dossier_counts WHERE month = $m", ("$m", month));
        foreach (var c in counts)
        {
            connection.Execute(tx, "INSERT INTO dossier_counts (month, counter_id, completed, with_due, on_time, late) VALUES ($m, $c, $n, $d, $o, $l)",
                ("$m", month), ("$c", c.CounterId), ("$n", c.Completed), ("$d", c.WithDue), ("$o", c.OnTime), ("$l", c.Late));
        }
        connection.Execute(tx, """
            INSERT INTO dossier_count_months (month, version) VALUES ($m, $v)
            ON CONFLICT (month) DO UPDATE SET version = $v
            """, ("$m", month), ("$v", version));
        tx.Commit();
    }

    /// <summary>
    /// Per counter, the dossiers completed in the month (the only ones the evaluation counts: completed, with a due
    /// instant, on time, late), counted by the database from the covering index (completed_at, due_at, counter_id,
    /// received_at). Same rules as <see cref="DossierOutcome.CompletedLate"/>: completing exactly at the due instant is
    /// on time.
    /// </summary>
    public static List<CounterDossierCounts> Count(DbConnection connection, Month month) =>
        connection.Query("""
            SELECT counter_id, count(*), count(due_at),
                   sum(CASE WHEN due_at IS NOT NULL AND completed_at <= due_at THEN 1 ELSE 0 END),
                   sum(CASE WHEN due_at IS NOT NULL AND completed_at > due_at THEN 1 ELSE 0 END)
            FROM dossiers
            WHERE completed_at >= $from AND completed_at < $to AND received_at IS NOT NULL AND counter_id IS NOT NULL
            GROUP BY counter_id
            """, r => new CounterDossierCounts(r.GetString(0), Count(r, 1), Count(r, 2), Count(r, 3), Count(r, 4)),
            ("$from", month.Start.ToUnixTimeMilliseconds()), ("$to", month.End.ToUnixTimeMilliseconds()));

    private static int Count(DbDataReader r, int ordinal) => Convert.ToInt32(r.GetValue(ordinal), CultureInfo.InvariantCulture);
}
