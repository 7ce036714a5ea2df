using OneStop.Feedback.Evaluation.Alerts;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Alerts;

/// <summary>Stored alerts: one row per raise, closed when it clears.</summary>
public sealed class AlertStore(Database database)
{
    public IReadOnlyList<AlertView> List(bool? active, string? unit, int limit)
    {
        using var c = database.Open();
        return c.Query("""
            SELECT id, unit_id, raised_at, cleared_at, ratings, low FROM alerts
            WHERE (CAST($active AS BIGINT) IS NULL OR (CAST($active AS BIGINT) = 1) = (cleared_at IS NULL)) AND (CAST($unit AS TEXT) IS NULL OR unit_id = $unit)
            ORDER BY raised_at DESC, id DESC LIMIT $limit
            """, r => new AlertView(r.GetInt64(0), r.GetString(1), r.Time(2), r.NullableTime(3), r.GetInt32(4), r.GetInt32(5)),
            ("$active", active is null ? null : active.Value ? 1 : 0), ("$unit", unit), ("$limit", limit));
    }

    /// <summary>Stores a transition; returns the alert as it now is, or null when it changes nothing (already raised/cleared).</summary>
    public AlertView? Apply(AlertTransition t)
    {
        using var c = database.Open();
        var open = c.Scalar("SELECT id FROM alerts WHERE unit_id = $u AND cleared_at IS NULL ORDER BY id DESC LIMIT 1", ("$u", t.UnitId)) as long?;
        long id;
        if (t.Change == AlertChange.Raised)
        {
            if (open is not null)
            {
                return null;
            }
            id = (long)c.Scalar("INSERT INTO alerts (unit_id, raised_at, ratings, low) VALUES ($u, $at, $n, $low) RETURNING id",
                ("$u", t.UnitId), ("$at", t.At.ToUnixTimeMilliseconds()), ("$n", t.Ratings), ("$low", t.Low))!;
        }
        else
        {
            if (open is null)
            {
                return null;
            }
            id = open.Value;
            c.Execute("UPDATE alerts SET cleared_at = $at WHERE id = $id", ("$id", id), ("$at", t.At.ToUnixTimeMilliseconds()));
        }
        return c.Query("SELECT id, unit_id, raised_at, cleared_at, ratings, low FROM alerts WHERE id = $id",
            r => new AlertView(r.GetInt64(0), r.GetString(1), r.Time(2), r.NullableTime(3), r.GetInt32(4), r.GetInt32(5)), ("$id", id)).Single();
    }

    /// <summary>Units with an alert open in the store (to reconcile after a restart).</summary>
    public IReadOnlyList<string> OpenUnits()
    {
        using var c = database.Open();
        return c.Query("SELECT DISTINCT unit_id FROM alerts WHERE cleared_at IS NULL", r => r.GetString(0));
    }

    /// <summary>The unit of the counter a terminal stood at at a time; null when unassigned.</summary>
    public string? UnitOf(string terminal, DateTimeOffset at)
    {
        using var c = database.Open();
        var counter = Attribution.DirtyCounterDays.CounterOf(c, null, terminal, at.ToUnixTimeMilliseconds());
        return counter is null ? null : c.Scalar("SELECT unit_id FROM counters WHERE id = $c", ("$c", counter)) as string;
    }
}
