using System.Data.Common;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Ratings;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Evaluations;

/// <summary>
/// Appeals against ratings and the audit trail. An accepted appeal flags the rating <c>voided</c> (it is kept,
/// never deleted) by re-running its counter-day; every step is written to the audit log with who, when and why.
/// </summary>
public sealed class AppealStore(Database database, RatingQueries ratings, TimeProvider time)
{
    public RatingDetail? Detail(long ratingId)
    {
        var rating = ratings.Find(ratingId);
        if (rating is null)
        {
            return null;
        }
        using var c = database.Open();
        var attribution = c.Query("SELECT counter_id, officer_id, method, service_event_id, dossier, flags FROM rating_attributions WHERE rating_id = $id",
            r =>
            {
                var flags = (RatingFlags)r.GetInt32(5);
                return new AttributionView(r.GetString(0), r.NullableString(1), r.GetString(2), r.NullableInt64(3), r.NullableString(4),
                    RatingFlagNames.Names(flags), (flags & RatingFlagNames.Excluding) != 0);
            }, ("$id", ratingId)).SingleOrDefault();
        return new RatingDetail(rating, attribution, List(c, ratingId, null));
    }

    public IReadOnlyList<AppealView> List(string? status)
    {
        using var c = database.Open();
        return List(c, null, status);
    }

    /// <summary>Files an appeal; null with a reason when it is not allowed.</summary>
    public (AppealView? Appeal, string? Problem) File(long ratingId, string officerId, string reason, string actor)
    {
        using var c = database.Open();
        using var tx = c.BeginTransaction();
        var attributed = c.Scalar("SELECT officer_id FROM rating_attributions WHERE rating_id = $id", ("$id", ratingId)) as string;
        if (attributed != officerId)
        {
            return (null, $"rating {ratingId} is not attributed to officer '{officerId}'");
        }
        if (c.Scalar("SELECT id FROM appeals WHERE rating_id = $id AND status = 'open'", ("$id", ratingId)) is not null)
        {
            return (null, $"rating {ratingId} already has an open appeal");
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var id = (long)c.Scalar("""
            INSERT INTO appeals (rating_id, officer_id, reason, status, created_at, created_by) VALUES ($r, $o, $reason, 'open', $now, $actor) RETURNING id
            """, ("$r", ratingId), ("$o", officerId), ("$reason", reason), ("$now", now), ("$actor", actor))!;
        Audit(c, now, actor, "appeal.filed", $"rating:{ratingId}", reason);
        tx.Commit();
        return (List(c, ratingId, null).Single(a => a.Id == id), null);
    }

    /// <summary>Accepts or rejects an open appeal; an accepted one voids the rating (its counter-day is recomputed).</summary>
    public (AppealView? Appeal, string? Problem) Decide(long appealId, bool accept, string reason, string actor)
    {
        using var c = database.Open();
        using var tx = c.BeginTransaction();
        var row = c.Query("""
            SELECT a.rating_id, a.status, t.counter_id, r.occurred_at FROM appeals a
            JOIN ratings r ON r.id = a.rating_id LEFT JOIN rating_attributions t ON t.rating_id = a.rating_id WHERE a.id = $id
            """, r => (Rating: r.GetInt64(0), Status: r.GetString(1), Counter: r.NullableString(2), At: r.Time(3)), ("$id", appealId)).SingleOrDefault();
        if (row == default)
        {
            return (null, $"appeal {appealId} does not exist");
        }
        if (row.Status != "open")
        {
            return (null, $"appeal {appealId} is already {row.Status}");
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        c.Execute("UPDATE appeals SET status = $s, decided_at = $now, decided_by = $actor, decision_reason = $reason WHERE id = $id",
            ("$s", accept ? "accepted" : "rejected"), ("$now", now), ("$actor", actor), ("$reason", reason), ("$id", appealId));
        if (row.Counter is not null)
        {
            DirtyCounterDays.Mark(c, tx, AttributionScope.AffectedByAppeal(row.Counter, row.At), now);
        }
        Audit(c, now, actor, accept ? "appeal.accepted" : "appeal.rejected", $"rating:{row.Rating}", reason);
        tx.Commit();
        return (List(c, row.Rating, null).Single(a => a.Id == appealId), null);
    }

    private static void Audit(DbConnection c, long at, string actor, string action, string subject, string? detail) =>
        c.Execute("INSERT INTO audit_log (at, actor, action, subject, detail) VALUES ($at, $actor, $action, $subject, $detail)",
            ("$at", at), ("$actor", actor), ("$action", action), ("$subject", subject), ("$detail", detail));

    private static List<AppealView> List(DbConnection c, long? ratingId, string? status) =>
        c.Query("""
            SELECT id, rating_id, officer_id, reason, status, created_at, created_by, decided_at, decided_by, decision_reason FROM appeals
            WHERE (CAST($rating AS BIGINT) IS NULL OR rating_id = $rating) AND (CAST($status AS TEXT) IS NULL OR status = $status) ORDER BY id
            """, r => new AppealView(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.Time(5), r.GetString(6),
                r.NullableTime(7), r.NullableString(8), r.NullableString(9)), ("$rating", ratingId), ("$status", status));
}
