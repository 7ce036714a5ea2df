namespace OneStop.Feedback.Dashboard.Pages;

/// <summary>A rating on an officer's ratings page: when, which level, why it is flagged, and its appeal if any.</summary>
public sealed record RatingRow(long Id, DateTimeOffset At, int Scale, int Score, IReadOnlyList<string> Flags, string? AppealStatus);

/// <summary>An appeal on the appeals page; <c>CanDecide</c> when the viewer is its officer's unit head or an admin.</summary>
public sealed record AppealRow(long Id, long RatingId, string OfficerId, string Reason, string Status, DateTimeOffset CreatedAt, string? DecidedBy, string? DecisionReason, bool CanDecide);

/// <summary>An account on the admin page.</summary>
public sealed record UserRow(long Id, string Username, string? DisplayName, string Role, string? Scope, bool Disabled, bool Locked);
