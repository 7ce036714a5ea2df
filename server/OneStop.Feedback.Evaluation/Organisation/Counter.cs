namespace OneStop.Feedback.Evaluation.Organisation;

/// <summary>A service desk (quầy) of a unit.</summary>
public sealed record Counter(string Id, string UnitId, string Name);
