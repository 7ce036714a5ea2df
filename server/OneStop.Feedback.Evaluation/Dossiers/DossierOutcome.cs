namespace OneStop.Feedback.Evaluation.Dossiers;

/// <summary>One dossier as the evaluation sees it: where and when it was received, when due, when completed.</summary>
public sealed record DossierOutcome(
    string Code,
    string? Procedure,
    string CounterId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? Due,
    DateTimeOffset? CompletedAt)
{
    /// <summary>Completed after its due instant. Completing exactly at the due instant is on time.</summary>
    public bool CompletedLate => CompletedAt is not null && Due is not null && CompletedAt.Value > Due.Value;

    /// <summary>Not completed and already past due at <paramref name="now"/>.</summary>
    public bool OverdueAt(DateTimeOffset now) => CompletedAt is null && Due is not null && now > Due.Value;
}
