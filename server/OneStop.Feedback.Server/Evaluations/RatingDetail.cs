using OneStop.Feedback.Server.Ratings;

namespace OneStop.Feedback.Server.Evaluations;

/// <summary>A rating with how it was attributed (null until the attribution worker has seen it) and its appeals.</summary>
public sealed record RatingDetail(RatingView Rating, AttributionView? Attribution, IReadOnlyList<AppealView> Appeals);

/// <summary>Counter, officer and dossier of a rating, how the officer was found, and its flags.</summary>
public sealed record AttributionView(string CounterId, string? OfficerId, string Method, long? ServiceEventId, string? Dossier, IReadOnlyList<string> Flags, bool Excluded);

/// <summary>An officer's appeal against a rating and its decision.</summary>
public sealed record AppealView(long Id, long RatingId, string OfficerId, string Reason, string Status, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionReason);

/// <summary>Body of <c>POST /api/v1/ratings/{id}/appeals</c>.</summary>
public sealed record AppealRequest(string? OfficerId, string? Reason);

/// <summary>Body of <c>POST /api/v1/appeals/{id}/decision</c>.</summary>
public sealed record DecisionRequest(bool? Accept, string? Reason);
