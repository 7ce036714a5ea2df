namespace OneStop.Feedback.Evaluation.Evaluation;

/// <summary>Ratings per flag. A rating with two flags counts in both; <c>Flagged</c> of a report counts it once.</summary>
public sealed record FlagCounts(int TooSoon, int DuplicateForDossier, int NoService, int Voided, int ClockUnsynced)
{
    public static FlagCounts Zero { get; } = new(0, 0, 0, 0, 0);
}
