using OneStop.Feedback.Evaluation.Calendar;

namespace OneStop.Feedback.Evaluation.Evaluation;

/// <summary>The evaluation of one month: units ordered by id, officers ordered by id.</summary>
/// <param name="UnplacedRatings">Not-excluded ratings at counters that belong to no unit of the month's tree.</param>
public sealed record MonthlyReport(
    Month Month,
    IReadOnlyList<UnitReport> Units,
    IReadOnlyList<OfficerReport> Officers,
    int UnplacedRatings);
