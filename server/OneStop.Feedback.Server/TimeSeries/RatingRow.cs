namespace OneStop.Feedback.Server.TimeSeries;

/// <summary>A stored rating with its current attribution, as its <c>rating</c> point needs it.</summary>
/// <param name="AtMs">The rating time t (terminal time when synchronised, else receive time), unix ms.</param>
/// <param name="Criteria">The five "5 biết" answers in protocol order, null where not asked.</param>
/// <param name="UnitId">The unit of the counter when the point is built, null when the counter is unknown.</param>
public sealed record RatingRow(
    long Id,
    string TerminalId,
    long Boot,
    long Seq,
    int Scale,
    int Score,
    int?[] Criteria,
    long AtMs,
    string CounterId,
    string? UnitId,
    string? OfficerId,
    string? Dossier,
    int Flags);
