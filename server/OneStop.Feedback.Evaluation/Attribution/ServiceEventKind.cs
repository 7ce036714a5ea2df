namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>What happened at the counter: a dossier was received or its result returned.</summary>
public enum ServiceEventKind
{
    Received,
    Returned,
}
