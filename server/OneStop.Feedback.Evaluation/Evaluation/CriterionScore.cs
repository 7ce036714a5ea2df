namespace OneStop.Feedback.Evaluation.Evaluation;

/// <summary>The 0–100 mean of one "5 biết" criterion over the ratings that answered it (null when none did).</summary>
public sealed record CriterionScore(string Criterion, int Answers, double? Score);
