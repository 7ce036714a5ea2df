namespace OneStop.Feedback.Dashboard.Dossiers;

/// <summary>What the late-dossiers page shows: a code search, only letters not yet sent, and which page of the list.</summary>
public sealed record LateDossierFilter(string? Code, bool UnsentOnly, int Page, int Pages);
