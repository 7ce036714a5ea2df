namespace OneStop.Feedback.Server.Ratings;

/// <summary>A stored rating as the API returns it. Criteria hold only the answered ids.</summary>
public sealed record RatingView(
    long Id,
    string Terminal,
    long Boot,
    long Seq,
    int Score,
    int Scale,
    IReadOnlyDictionary<string, int> Criteria,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt,
    bool ClockSynced);

/// <summary>A rejected terminal message. The payload is shown as text (invalid UTF-8 replaced) and as base64.</summary>
public sealed record RejectionView(
    long Id,
    DateTimeOffset ReceivedAt,
    string? Terminal,
    string Topic,
    string Reason,
    string? Detail,
    string Payload,
    string PayloadBase64,
    int PayloadSize,
    bool PayloadTruncated);
