using System.Data.Common;
using System.Globalization;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Dossiers;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Dossiers;

/// <summary>
/// The per-counter counts of the dossiers completed in a month, as the monthly report needs them. Counting them is a
/// scan of the month's dossiers (4 M rows at 10 M ratings), so the result is kept, tagged with
/// <c>dossier_version</c>, and reused only while that version is unchanged. Every write to <c>dossiers</c> bumps the
/// version in its own transaction, so kept counts can never be older than the dossiers. A bulk write
/// (<see cref="Changed"/>) makes every month count again once; a write of known dossiers (<see cref="Track"/>: the
/// one-stop system's events, a completion) instead adds its own difference to the kept counts of the months it
/// touches and re-tags every month that was current, so an office completing dossiers all day never makes the report
/// count the month again.
/// </summary>
public static class DossierCountCache
{
    /// <summary>Marks every kept count out of date; call in the transaction of a bulk write to <c>dossiers</c>.</summary>
    public static void Changed(DbConnection connection, DbTransaction? tx) => DataVersions.Bump(connection, tx, VersionName);

    /// <summary>The <see cref="DataVersions"/> name bumped by every write to <c>dossiers</c>.</summary>
    public const string VersionName = "dossiers";

    /// <summary>
    /// Call before writing the dossiers <paramref name="codes"/> in <paramref name="tx"/>, and <see cref="Tracker.Apply"/>
    /// after: the version is bumped first (on PostgreSQL its row lock makes dossier writers take turns, so what is read
    /// here cannot change before the commit), then the dossiers' share of the counts is read before and after.
    /// </summary>
    public static Tracker Track(DbConnection connection, DbTransaction tx, IEnumerable<string> codes)
    {
        var version = DataVersions.Bump(connection, tx, VersionName);
        var tracker = new Tracker(connection, tx, version, [.. codes.Distinct(StringComparer.Ordinal)]);
        tracker.Read(-1);
        return tracker;
    }

    /// <summary>The counted share of some dossiers, before and after their write (<see cref="Track"/>).</summary>
    public sealed class Tracker
    {
        private readonly DbConnection _connection;
        private readonly DbTransaction _tx;
        private readonly long _version;
        private readonly IReadOnlyList<string> _codes;
        private readonly Dictionary<(string Month, string Counter), (int Completed, int WithDue, int OnTime, int Late)> _delta = [];

        internal Tracker(DbConnection connection, DbTransaction tx, long version, IReadOnlyList<string> codes)
        {
            _connection = connection;
            _tx = tx;
            _version = version;
            _codes = codes;
        }

        /// <summary>Adds (<paramref name="sign"/> 1) or removes (-1) the dossiers' current share.</summary>
        internal void Read(int sign)
        {
            using var command = _connection.Command(_tx, """
                SELECT counter_id, due_at, completed_at FROM dossiers
                WHERE code = $code AND completed_at IS NOT NULL AND received_at IS NOT NULL AND counter_id IS NOT NULL
                """, ("$code", ""));
            foreach (var code in _codes)
            {
                command.Parameters[0].Value = code;
                using var r = command.ExecuteReader();
                while (r.Read())
                {
                    var counter = r.GetString(0);
                    long? due = r.IsDBNull(1) ? null : r.GetInt64(1);
                    var completed = r.GetInt64(2);
                    var key = (VietnamTime.MonthOf(DateTimeOffset.FromUnixTimeMilliseconds(completed)).ToString(), counter);
                    var d = _delta.GetValueOrDefault(key);
                    _delta[key] = (d.Completed + sign, d.WithDue + (due is null ? 0 : sign),
                        d.OnTime + (due is { } onTime && completed <= onTime ? sign : 0), d.Late + (due is { } late && completed > late ? sign : 0));
                }
            }
        }

        /// <summary>Call after the write, in its transaction: the kept counts of the months that were current get the
        /// difference, and stay current under the new version.</summary>
        public void Apply()
        {
            Read(1);
            var current = _connection.Query(_tx, "SELECT month FROM dossier_count_months WHERE version = $v", r => r.GetString(0), ("$v", _version - 1))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var ((month, counter), d) in _delta)
            {
                if (!current.Contains(month) || d == default)
                {
                    continue;
                }
                _connection.Execute(_tx, """
                    INSERT INTO dossier_counts (month, counter_id, completed, with_due, on_time, late) VALUES ($m, $c, $n, $d, $o, $l)
                    ON CONFLICT (month, counter_id) DO UPDATE SET completed = dossier_counts.completed + $n, with_due = dossier_counts.with_due + $d,
                        on_time = dossier_counts.on_time + $o, late = dossier_counts.late + $l
                    """, ("$m", month), ("$c", counter), ("$n", d.Completed), ("$d", d.WithDue), ("$o", d.OnTime), ("$l", d.Late));
                _connection.Execute(_tx, "DELETE FROM dossier_counts WHERE month = $m AND counter_id = $c AND completed = 0", ("$m", month), ("$c", counter));
            }
            _connection.Execute(_tx, "UPDATE dossier_count_months SET version = $new WHERE version = $old", ("$new", _version), ("$old", _version - 1));
        }
    }

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
        DataVersions.Read(connection, null, VersionName);

    private static void Keep(DbConnection connection, string month, long version, IReadOnlyList<CounterDossierCounts> counts)
    {
        using var tx = connection.BeginTransaction();
        // A dossier write committed after this check leaves the version past `version`, so what is kept here is then
        // never used (SQLite refuses this transaction's write instead, as its snapshot is stale).
        if (DataVersions.Read(connection, tx, VersionName) != version)
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
