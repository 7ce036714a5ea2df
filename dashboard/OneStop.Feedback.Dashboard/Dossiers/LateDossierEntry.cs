namespace OneStop.Feedback.Dashboard.Dossiers;

/// <summary>A late dossier (completed after its due instant, or still open past it) with its apology letter, if begun.</summary>
public sealed record LateDossierEntry(
    string Code,
    string? Procedure,
    string? CounterName,
    string? UnitId,
    string? UnitName,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset Due,
    DateTimeOffset? CompletedAt,
    ApologyRecord? Apology);
