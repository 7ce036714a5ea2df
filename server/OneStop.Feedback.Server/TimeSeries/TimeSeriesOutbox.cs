using System.Data.Common;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.TimeSeries;

/// <summary>
/// Queues the InfluxDB points of a counter-day in the relational store, in the same transaction as the attribution
/// that produced them: a rating's point is written once its officer is known, and a re-attribution queues only what
/// changed. <c>timeseries_points</c> remembers the last line queued per point; an unchanged line queues nothing (so a
/// redelivered or recomputed rating writes nothing new, and the same point is never queued with two contents at
/// once), a changed line with the same identity overwrites, and a changed identity (another officer, counter, unit or
/// time) first queues the tombstone of the old point.
/// </summary>
public sealed class TimeSeriesOutbox(Database database, IOptions<TimeSeriesOptions> options)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>Lines waiting (ids only grow and are deleted from the head, so max − min + 1 is the count, from the index).</summary>
    public static long Pending(DbConnection c, DbTransaction? tx = null) =>
        Convert.ToInt64(c.Scalar(tx, "SELECT coalesce(max(id) - min(id) + 1, 0) FROM timeseries_outbox"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Queues the changed points of one counter-day, or, when the outbox is full, remembers the counter-day for later.
    /// Returns false when it was deferred.
    /// </summary>
    public bool Enqueue(DbConnection c, DbTransaction tx, CounterDay counterDay, long nowMs)
    {
        if (!Enabled)
        {
            return true;
        }
        var day = DirtyCounterDays.DayText(counterDay.Day);
        if (Pending(c, tx) >= options.Value.OutboxCapacity)
        {
            c.Execute(tx, """
                INSERT INTO timeseries_deferred (counter_id, day, deferred_at) VALUES ($c, $d, $now)
                ON CONFLICT (counter_id, day) DO NOTHING
                """, ("$c", counterDay.CounterId), ("$d", day), ("$now", nowMs));
            return false;
        }

        var wanted = new List<(string Key, string Line, string Tombstone)>();
        foreach (var (row, timestamp) in Timestamps(LoadRatings(c, tx, counterDay.CounterId, day)))
        {
            wanted.Add(("r:" + row.Id, LinePoints.Rating(row, timestamp, current: true), LinePoints.Rating(row, timestamp, current: false)));
        }
        var unit = c.Scalar(tx, "SELECT unit_id FROM counters WHERE id = $c", ("$c", counterDay.CounterId)) as string;
        foreach (var aggregate in c.Query(tx, $"SELECT {AttributionWriter.AggregateColumns} FROM daily_aggregates WHERE counter_id = $c AND day = $d",
            AttributionWriter.Read, ("$c", counterDay.CounterId), ("$d", day)))
        {
            wanted.Add(($"d:{day}|{aggregate.CounterId}|{aggregate.OfficerId}", LinePoints.Daily(aggregate, unit), LinePoints.Daily(aggregate, unit, zero: true)));
        }

        var known = c.Query(tx, "SELECT point_key, identity, line, tombstone FROM timeseries_points WHERE counter_id = $c AND day = $d",
            r => (Key: r.GetString(0), Identity: r.GetString(1), Line: r.GetString(2), Tombstone: r.GetString(3)),
            ("$c", counterDay.CounterId), ("$d", day)).ToDictionary(k => k.Key, StringComparer.Ordinal);
        foreach (var (key, line, tombstone) in wanted)
        {
            // A rating moved here from another counter-day is known under that one.
            var previous = known.Remove(key, out var k) ? k
                : c.Query(tx, "SELECT point_key, identity, line, tombstone FROM timeseries_points WHERE point_key = $k",
                    r => (Key: r.GetString(0), Identity: r.GetString(1), Line: r.GetString(2), Tombstone: r.GetString(3)), ("$k", key)).FirstOrDefault();
            if (previous.Line == line)
            {
                continue;
            }
            var identity = LinePoints.Identity(line);
            if (previous.Key is not null && previous.Identity != identity)
            {
                Queue(c, tx, previous.Tombstone, nowMs);
            }
            Queue(c, tx, line, nowMs);
            c.Execute(tx, """
                INSERT INTO timeseries_points (point_key, counter_id, day, identity, line, tombstone) VALUES ($k, $c, $d, $i, $l, $t)
                ON CONFLICT (point_key) DO UPDATE SET counter_id = $c, day = $d, identity = $i, line = $l, tombstone = $t
                """, ("$k", key), ("$c", counterDay.CounterId), ("$d", day), ("$i", identity), ("$l", line), ("$t", tombstone));
        }
        // Points this counter-day had and no longer has (an officer without ratings now, a rating moved away).
        foreach (var gone in known.Values)
        {
            Queue(c, tx, gone.Tombstone, nowMs);
            c.Execute(tx, "DELETE FROM timeseries_points WHERE point_key = $k", ("$k", gone.Key));
        }
        return true;
    }

    /// <summary>Counter-days remembered while the outbox was full.</summary>
    public static long Deferred(DbConnection c) =>
        Convert.ToInt64(c.Scalar("SELECT count(*) FROM timeseries_deferred"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Once the outbox is below half its capacity, queues the points of up to <paramref name="maxDays"/> deferred
    /// counter-days (rebuilt from the relational store, so nothing was lost while they waited). Returns how many.
    /// </summary>
    public int EnqueueDeferred(int maxDays, long nowMs)
    {
        using var c = database.Open();
        if (!Enabled || Pending(c) >= options.Value.OutboxCapacity / 2)
        {
            return 0;
        }
        var days = c.Query("SELECT counter_id, day FROM timeseries_deferred ORDER BY deferred_at, counter_id, day LIMIT $n",
            r => new CounterDay(r.GetString(0), DirtyCounterDays.ParseDay(r.GetString(1))), ("$n", maxDays));
        if (days.Count == 0)
        {
            return 0;
        }
        using var tx = c.BeginTransaction();
        var done = 0;
        foreach (var day in days)
        {
            if (!Enqueue(c, tx, day, nowMs))
            {
                break;
            }
            c.Execute(tx, "DELETE FROM timeseries_deferred WHERE counter_id = $c AND day = $d", ("$c", day.CounterId), ("$d", DirtyCounterDays.DayText(day.Day)));
            done++;
        }
        tx.Commit();
        return done;
    }

    /// <summary>
    /// Schedules every counter-day that has aggregates but no point queued yet (the history, when InfluxDB is switched
    /// on for an existing database). Idempotent.
    /// </summary>
    public int ScheduleHistory(long nowMs)
    {
        using var c = database.Open();
        return c.Execute("""
            INSERT INTO timeseries_deferred (counter_id, day, deferred_at)
            SELECT DISTINCT a.counter_id, a.day, $now FROM daily_aggregates a
            WHERE NOT EXISTS (SELECT 1 FROM timeseries_points p WHERE p.counter_id = a.counter_id AND p.day = a.day)
            ON CONFLICT (counter_id, day) DO NOTHING
            """, ("$now", nowMs));
    }

    /// <summary>
    /// The ratings' timestamps: the rating time, except that two ratings of one terminal in the same millisecond (a
    /// terminal with an unsynchronised clock flushing its outbox) would be one point in InfluxDB, so the later one
    /// (by boot, seq) moves on by a millisecond. The order is fixed, so the result is the same on every recomputation.
    /// </summary>
    internal static IEnumerable<(RatingRow Row, long Timestamp)> Timestamps(List<RatingRow> rows)
    {
        foreach (var terminal in rows.GroupBy(r => r.TerminalId, StringComparer.Ordinal))
        {
            var last = long.MinValue;
            foreach (var row in terminal.OrderBy(r => r.AtMs).ThenBy(r => r.Boot).ThenBy(r => r.Seq))
            {
                last = last == long.MinValue ? row.AtMs : Math.Max(row.AtMs, last + 1);
                yield return (row, last);
            }
        }
    }

    private static List<RatingRow> LoadRatings(DbConnection c, DbTransaction tx, string counter, string day) =>
        c.Query(tx, """
            SELECT r.id, r.terminal_id, r.boot, r.seq, r.scale, r.score, r.listen, r.explain, r.trust, r.apologize, r.thank,
                   r.occurred_at, a.counter_id, k.unit_id, a.officer_id, a.dossier, a.flags
            FROM rating_attributions a JOIN ratings r ON r.id = a.rating_id LEFT JOIN counters k ON k.id = a.counter_id
            WHERE a.counter_id = $c AND a.day = $d
            """, r =>
            {
                int? C(int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
                return new RatingRow(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt32(4), r.GetInt32(5),
                    [C(6), C(7), C(8), C(9), C(10)], r.GetInt64(11), r.GetString(12), r.NullableString(13), r.NullableString(14),
                    r.NullableString(15), r.GetInt32(16));
            }, ("$c", counter), ("$d", day));

    private static void Queue(DbConnection c, DbTransaction tx, string line, long nowMs) =>
        c.Execute(tx, "INSERT INTO timeseries_outbox (line, enqueued_at) VALUES ($l, $now)", ("$l", line), ("$now", nowMs));
}
