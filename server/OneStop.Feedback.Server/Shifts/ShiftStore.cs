using System.Data.Common;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Shifts;

/// <summary>
/// Shifts, and the badge rule: a badge tap at a terminal signs the officer in at that terminal's counter
/// (ending whatever shift was open there), a second tap by the same officer at that counter signs out.
/// </summary>
public sealed class ShiftStore(Database database, TimeProvider time, IOptions<AttributionOptions> attribution)
{
    public IReadOnlyList<ShiftRecord> List(string? counter, string? officer, DateTimeOffset? from, DateTimeOffset? to)
    {
        using var c = database.Open();
        return c.Query("""
            SELECT id, officer_id, counter_id, start_at, end_at, source FROM shifts
            WHERE (CAST($counter AS TEXT) IS NULL OR counter_id = $counter) AND (CAST($officer AS TEXT) IS NULL OR officer_id = $officer)
              AND (CAST($to AS BIGINT) IS NULL OR start_at < $to) AND (CAST($from AS BIGINT) IS NULL OR end_at IS NULL OR end_at > $from)
            ORDER BY start_at, id
            """, Read, ("$counter", counter), ("$officer", officer), ("$from", from.Ms()), ("$to", to.Ms()));
    }

    public ShiftRecord Create(string officer, string counter, DateTimeOffset start, DateTimeOffset? end, string source)
    {
        using var c = database.Open();
        using var tx = c.BeginTransaction();
        var now = time.GetUtcNow();
        var id = (long)c.Scalar("""
            INSERT INTO shifts (officer_id, counter_id, start_at, end_at, source, created_at) VALUES ($o, $c, $s, $e, $src, $now) RETURNING id
            """, ("$o", officer), ("$c", counter), ("$s", start.ToUnixTimeMilliseconds()), ("$e", end.Ms()), ("$src", source), ("$now", now.ToUnixTimeMilliseconds()))!;
        DirtyCounterDays.Mark(c, tx, AttributionScope.AffectedByShift(new Shift(id, officer, counter, start, end), now, attribution.Value), now.ToUnixTimeMilliseconds());
        tx.Commit();
        return new ShiftRecord(id, officer, counter, start, end, source);
    }

    /// <summary>Ends an open shift; false when unknown, already ended, or the end is not after the start.</summary>
    public bool End(long id, DateTimeOffset end)
    {
        using var c = database.Open();
        using var tx = c.BeginTransaction();
        var shift = c.Query("SELECT id, officer_id, counter_id, start_at FROM shifts WHERE id = $id AND end_at IS NULL AND start_at < $e",
            r => new Shift(r.GetInt64(0), r.GetString(1), r.GetString(2), r.Time(3), end), ("$id", id), ("$e", end.ToUnixTimeMilliseconds())).SingleOrDefault();
        if (shift is null)
        {
            return false;
        }
        c.Execute("UPDATE shifts SET end_at = $e WHERE id = $id", ("$id", id), ("$e", end.ToUnixTimeMilliseconds()));
        var now = time.GetUtcNow();
        DirtyCounterDays.Mark(c, tx, AttributionScope.AffectedByShift(shift, now, attribution.Value), now.ToUnixTimeMilliseconds());
        tx.Commit();
        return true;
    }

    /// <summary>
    /// Applies a badge tap inside the ingest transaction (so a redelivered event, stored once, acts once).
    /// Returns what happened, for the log.
    /// </summary>
    public static string ApplyBadgeTap(DbConnection c, DbTransaction tx, string terminal, string badgeUid, long at, long now, AttributionOptions options)
    {
        var officer = c.Scalar(tx, "SELECT id FROM officers WHERE badge_uid = $uid", ("$uid", badgeUid)) as string;
        if (officer is null)
        {
            return "unknown badge";
        }
        var counter = DirtyCounterDays.CounterOf(c, tx, terminal, at);
        if (counter is null)
        {
            return "terminal has no counter";
        }
        var open = c.Scalar(tx, "SELECT id FROM shifts WHERE counter_id = $c AND end_at IS NULL AND start_at <= $at ORDER BY start_at DESC, id DESC LIMIT 1", ("$c", counter), ("$at", at)) as long?;
        var openOfficer = open is null ? null : c.Scalar(tx, "SELECT officer_id FROM shifts WHERE id = $id", ("$id", open)) as string;
        if (open is not null)
        {
            c.Execute(tx, "UPDATE shifts SET end_at = $at WHERE id = $id AND start_at < $at", ("$id", open), ("$at", at));
        }
        // Everything from the tap on (until now) may now belong to another officer.
        var nowTime = DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(now, at));
        DirtyCounterDays.Mark(c, tx, AttributionScope.AffectedByShift(new Shift(0, officer, counter, DateTimeOffset.FromUnixTimeMilliseconds(at), nowTime), nowTime, options), now);
        if (openOfficer == officer)
        {
            return $"{officer} signed out at {counter}";
        }
        c.Execute(tx, "INSERT INTO shifts (officer_id, counter_id, start_at, end_at, source, created_at) VALUES ($o, $c, $at, NULL, 'badge', $now)",
            ("$o", officer), ("$c", counter), ("$at", at), ("$now", now));
        return $"{officer} signed in at {counter}";
    }

    private static ShiftRecord Read(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.Time(3), r.NullableTime(4), r.GetString(5));
}
