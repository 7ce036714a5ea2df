namespace OneStop.Feedback.Evaluation.Evaluation;

/// <summary>
/// Answers to one "5 biết" criterion on one scale: count and sum of (answer − 1). Integers, so that sums of daily
/// aggregates are exact and do not depend on the order in which they are added.
/// </summary>
public sealed record CriterionTally(string Criterion, int Scale, int Answers, long StepSum);
