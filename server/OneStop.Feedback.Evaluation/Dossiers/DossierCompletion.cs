namespace OneStop.Feedback.Evaluation.Dossiers;

/// <summary>The source system reports that a dossier was completed (result ready).</summary>
public sealed record DossierCompletion(string Code, DateTimeOffset CompletedAt);
