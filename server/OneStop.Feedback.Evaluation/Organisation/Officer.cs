namespace OneStop.Feedback.Evaluation.Organisation;

/// <summary>An officer (cán bộ, công chức) of a unit; the badge is used only by ingest to open shifts.</summary>
public sealed record Officer(string Id, string Name, string UnitId, string? BadgeUid = null);
