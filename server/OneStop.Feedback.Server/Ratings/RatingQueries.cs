using System.Data.Common;
using System.Text;
using OneStop.Feedback.Server.Protocol;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Ratings;

/// <summary>Read side of ratings and rejections.</summary>
public sealed class RatingQueries(Database database)
{
    public const int MaxLimit = 10_000;

    /// <summary>Ratings newest first (by occurrence time), optionally for one terminal and a [from, to) range.</summary>
    public IReadOnlyList<RatingView> List(string? terminal, DateTimeOffset? from, DateTimeOffset? to, int limit)
    {
        using var connection = database.Open();
        return connection.Query("""
            SELECT id, terminal_id, boot, seq, score, scale, listen, explain, trust, apologize, thank, occurred_at, received_at, clock_synced
            FROM ratings
            WHERE (CAST($terminal AS TEXT) IS NULL OR terminal_id = $terminal)
              AND (CAST($from AS BIGINT) IS NULL OR occurred_at >= $from)
              AND (CAST($to AS BIGINT) IS NULL OR occurred_at < $to)
            ORDER BY occurred_at DESC, id DESC
            LIMIT $limit
            """, ReadRating, ("$terminal", terminal), ("$from", from.Ms()), ("$to", to.Ms()), ("$limit", limit));
    }

    /// <summary>One rating by id.</summary>
    public RatingView? Find(long id)
    {
        using var connection = database.Open();
        return connection.Query("""
            SELECT id, terminal_id, boot, seq, score, scale, listen, explain, trust, apologize, thank, occurred_at, received_at, clock_synced
            FROM ratings WHERE id = $id
            """, ReadRating, ("$id", id)) is [var one] ? one : null;
    }

    /// <summary>Rejections newest first, optionally for one terminal or reason.</summary>
    public IReadOnlyList<RejectionView> Rejections(string? terminal, string? reason, int limit)
    {
        using var connection = database.Open();
        return connection.Query("""
            SELECT id, received_at, terminal_id, topic, reason, detail, payload, payload_size
            FROM ingest_rejections
            WHERE (CAST($terminal AS TEXT) IS NULL OR terminal_id = $terminal) AND (CAST($reason AS TEXT) IS NULL OR reason = $reason)
            ORDER BY id DESC
            LIMIT $limit
            """, ReadRejection, ("$terminal", terminal), ("$reason", reason), ("$limit", limit));
    }

    private static RejectionView ReadRejection(DbDataReader reader)
    {
        var payload = reader.IsDBNull(6) ? [] : (byte[])reader.GetValue(6);
        var size = reader.GetInt32(7);
        return new RejectionView(
            reader.GetInt64(0),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            Encoding.UTF8.GetString(payload),
            Convert.ToBase64String(payload),
            size,
            size > payload.Length);
    }

    private static RatingView ReadRating(DbDataReader reader)
    {
        var criteria = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Criteria.Ids.Length; i++)
        {
            if (!reader.IsDBNull(6 + i))
            {
                criteria[Criteria.Ids[i]] = reader.GetInt32(6 + i);
            }
        }
        return new RatingView(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetInt64(2),
            reader.GetInt64(3),
            reader.GetInt32(4),
            reader.GetInt32(5),
            criteria,
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(12)),
            reader.GetInt64(13) == 1);
    }
}
