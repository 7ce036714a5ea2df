using OneStop.Feedback.Dashboard.Pages;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Evaluations;

/// <summary>The latest ratings attributed to one officer, with their flags and the state of their latest appeal.</summary>
public sealed class OfficerRatings(Database database)
{
    public const int Limit = 200;

    public IReadOnlyList<RatingRow> Latest(string officerId)
    {
        using var c = database.Open();
        return c.Query("""
            SELECT r.id, r.occurred_at, r.scale, r.score, a.flags,
                   (SELECT p.status FROM appeals p WHERE p.rating_id = r.id ORDER BY p.id DESC LIMIT 1)
            FROM rating_attributions a JOIN ratings r ON r.id = a.rating_id
            WHERE a.officer_id = $o ORDER BY r.occurred_at DESC, r.id DESC LIMIT $limit
            """, r => new RatingRow(r.GetInt64(0), r.Time(1), r.GetInt32(2), r.GetInt32(3), RatingFlagNames.Names((RatingFlags)r.GetInt32(4)), r.NullableString(5)),
            ("$o", officerId), ("$limit", Limit));
    }
}
