namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>A service (lượt phục vụ): dossier received or returned at a counter.</summary>
/// <param name="Id">Stable store id; breaks ties between events at the same instant (the larger id is the later).</param>
/// <param name="OfficerId">The officer the source system names, if any.</param>
/// <param name="Due">The promised completion instant; given on received events.</param>
public sealed record ServiceEvent(
    long Id,
    string Dossier,
    string? Procedure,
    ServiceEventKind Kind,
    string CounterId,
    string? OfficerId,
    DateTimeOffset At,
    DateTimeOffset? Due = null);
