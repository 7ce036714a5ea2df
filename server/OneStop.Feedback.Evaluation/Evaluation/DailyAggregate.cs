namespace OneStop.Feedback.Evaluation.Evaluation;

/// <summary>
/// Everything the monthly evaluation needs from one (day, counter, officer), as integers. A month is the sum of its
/// days, so 10M ratings become about 30 × (officers × counters) rows. OfficerId is null for ratings and services
/// with no officer; they still count for the counter's units.
/// </summary>
/// <param name="Ratings">Ratings not excluded.</param>
/// <param name="Flagged">Ratings excluded (any excluding flag), counted once each.</param>
/// <param name="Satisfied">Not-excluded ratings with score ≥ scale − 1.</param>
/// <param name="Linked">Not-excluded ratings that took a service event.</param>
/// <param name="Services">Service events of the counter on that day whose officer (named, else by shift) is OfficerId.</param>
/// <param name="Levels">Not-excluded ratings per (scale, score), ordered by scale then score.</param>
/// <param name="Criteria">Criterion answers of not-excluded ratings, ordered by criterion (protocol order) then scale.</param>
public sealed record DailyAggregate(
    DateOnly Day,
    string CounterId,
    string? OfficerId,
    int Ratings,
    int Flagged,
    FlagCounts Flags,
    int Satisfied,
    int Linked,
    int Services,
    IReadOnlyList<LevelCount> Levels,
    IReadOnlyList<CriterionTally> Criteria);
