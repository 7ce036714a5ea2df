namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>A stored rating as attribution needs it.</summary>
/// <param name="TerminalTime">The terminal's clock when it was synchronised, otherwise null.</param>
/// <param name="Scale">Number of levels (3, 4 or 5); the score and the criteria answers are 1..Scale, Scale best.</param>
public sealed record Rating(
    string TerminalId,
    long Boot,
    long Seq,
    DateTimeOffset? TerminalTime,
    DateTimeOffset ReceivedAt,
    int Scale,
    int Score,
    CriterionAnswers Criteria = default)
{
    public RatingKey Key => new(TerminalId, Boot, Seq);

    public bool ClockSynced => TerminalTime is not null;

    /// <summary>The rating's time t: terminal time when synchronised, else receive time.</summary>
    public DateTimeOffset At => TerminalTime ?? ReceivedAt;
}
