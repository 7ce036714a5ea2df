using Microsoft.Extensions.Options;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Dossiers;

/// <summary>
/// Service events and dossiers. Importing the same event again (same dossier, kind, counter and time) updates
/// it instead of adding a copy, so a one-stop system may resend its whole day.
/// </summary>
public sealed class ServiceEventStore(Database database, TimeProvider time, IOptions<AttributionOptions> attribution)
{
    public void Save(IReadOnlyList<ServiceEventRecord> events)
    {
        using var c = database.Open();
        using var tx = c.BeginTransaction();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var counts = DossierCountCache.Track(c, tx, events.Select(e => e.Dossier));
        foreach (var e in events)
        {
            c.Execute(tx, """
                INSERT INTO service_events (dossier, procedure, kind, counter_id, officer_id, at, due, imported_at)
                VALUES ($d, $p, $k, $c, $o, $at, $due, $now)
                ON CONFLICT (dossier, kind, counter_id, at) DO UPDATE SET procedure = $p, officer_id = $o, due = $due, imported_at = $now
                """, ("$d", e.Dossier), ("$p", e.Procedure), ("$k", e.Kind), ("$c", e.Counter), ("$o", e.Officer),
                ("$at", e.At.ToUnixTimeMilliseconds()), ("$due", e.Due.Ms()), ("$now", now));
            if (e.Kind == "received")
            {
                c.Execute(tx, """
                    INSERT INTO dossiers (code, procedure, counter_id, received_at, due_at) VALUES ($d, $p, $c, $at, $due)
                    ON CONFLICT (code) DO UPDATE SET procedure = coalesce($p, dossiers.procedure), counter_id = $c, received_at = $at, due_at = $due
                    """, ("$d", e.Dossier), ("$p", e.Procedure), ("$c", e.Counter), ("$at", e.At.ToUnixTimeMilliseconds()), ("$due", e.Due.Ms()));
            }
            else
            {
                c.Execute(tx, """
                    INSERT INTO dossiers (code, procedure, returned_at) VALUES ($d, $p, $at)
                    ON CONFLICT (code) DO UPDATE SET procedure = coalesce(dossiers.procedure, $p), returned_at = $at
                    """, ("$d", e.Dossier), ("$p", e.Procedure), ("$at", e.At.ToUnixTimeMilliseconds()));
            }
        }
        var affected = events.SelectMany(e => AttributionScope.AffectedByServiceEvent(
            new ServiceEvent(0, e.Dossier, e.Procedure, e.Kind == "returned" ? ServiceEventKind.Returned : ServiceEventKind.Received, e.Counter, e.Officer, e.At, e.Due),
            attribution.Value)).Distinct();
        DirtyCounterDays.Mark(c, tx, affected, now);
        counts.Apply();
        tx.Commit();
    }

    public IReadOnlyList<ServiceEventView> List(string? counter, string? dossier, DateTimeOffset? from, DateTimeOffset? to, int limit)
    {
        using var c = database.Open();
        return c.Query("""
            SELECT id, dossier, procedure, kind, counter_id, officer_id, at, due FROM service_events
            WHERE (CAST($counter AS TEXT) IS NULL OR counter_id = $counter) AND (CAST($dossier AS TEXT) IS NULL OR dossier = $dossier)
              AND (CAST($from AS BIGINT) IS NULL OR at >= $from) AND (CAST($to AS BIGINT) IS NULL OR at < $to)
            ORDER BY at, id LIMIT $limit
            """, r => new ServiceEventView(r.GetInt64(0), r.GetString(1), r.NullableString(2), r.GetString(3), r.GetString(4), r.NullableString(5), r.Time(6), r.NullableTime(7)),
            ("$counter", counter), ("$dossier", dossier), ("$from", from.Ms()), ("$to", to.Ms()), ("$limit", limit));
    }

    /// <summary>Marks a dossier completed; false when the dossier is unknown.</summary>
    public bool Complete(string code, DateTimeOffset at)
    {
        using var c = database.Open();
        using var tx = c.BeginTransaction();
        var counts = DossierCountCache.Track(c, tx, [code]);
        if (c.Execute(tx, "UPDATE dossiers SET completed_at = $at WHERE code = $code", ("$code", code), ("$at", at.ToUnixTimeMilliseconds())) != 1)
        {
            return false;
        }
        counts.Apply();
        tx.Commit();
        return true;
    }

    public DossierView? Find(string code)
    {
        using var c = database.Open();
        return c.Query("SELECT code, procedure, counter_id, received_at, due_at, returned_at, completed_at FROM dossiers WHERE code = $code",
            r => new DossierView(r.GetString(0), r.NullableString(1), r.NullableString(2), r.NullableTime(3), r.NullableTime(4), r.NullableTime(5), r.NullableTime(6)),
            ("$code", code)).SingleOrDefault();
    }
}
