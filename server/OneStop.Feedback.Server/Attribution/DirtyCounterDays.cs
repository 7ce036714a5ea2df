using System.Data.Common;
using System.Globalization;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Attribution;

/// <summary>
/// The work list of the attribution worker: counter-days whose attribution must be recomputed because a rating,
/// service event, shift, terminal move or appeal decision touched them. Marking happens in the same transaction
/// as the change, so no change can be committed without its recomputation being scheduled.
/// </summary>
public static class DirtyCounterDays
{
    public static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static void Mark(DbConnection connection, DbTransaction? tx, IEnumerable<CounterDay> days, long nowMs)
    {
        // One statement, prepared once and bound per day: a busy ingest batch marks dozens of counter-days.
        using var command = connection.Command("""
            INSERT INTO attribution_dirty (counter_id, day, marked_at) VALUES ($c, $d, $now)
            ON CONFLICT (counter_id, day) DO UPDATE SET marked_at = CASE WHEN attribution_dirty.marked_at + 1 > $now THEN attribution_dirty.marked_at + 1 ELSE $now END
            """, ("$c", ""), ("$d", ""), ("$now", nowMs));
        command.Transaction = tx;
        foreach (var d in days)
        {
            command.Parameters[0].Value = d.CounterId; // by position: PostgreSQL renames $c
            command.Parameters[1].Value = DayText(d.Day);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The counter a terminal stood at at a time (its first assignment also covers the time before it).</summary>
    public static string? CounterOf(DbConnection connection, DbTransaction? tx, string terminal, long atMs) =>
        connection.Scalar(tx, """
            SELECT counter_id FROM terminal_assignments WHERE terminal_id = $t
            ORDER BY CASE WHEN from_at <= $at THEN 0 ELSE 1 END, CASE WHEN from_at <= $at THEN -from_at ELSE from_at END, counter_id LIMIT 1
            """, ("$t", terminal), ("$at", atMs)) as string;
}
