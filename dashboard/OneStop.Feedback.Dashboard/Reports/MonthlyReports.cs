using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Dashboard.Reports;

/// <summary>
/// The dashboard's only door to the data: the host hands in how to compute a month's report (the server's
/// EvaluationQueries), so the dashboard does not depend on the server project and tests can feed fixed reports.
/// Reports are not cached: late data re-attributes ratings of past months, and a month costs one indexed query.
/// </summary>
public sealed class MonthlyReports(Func<Month, MonthlyReport> load, TimeProvider time)
{
    /// <summary>The Vietnam-time month of now.</summary>
    public Month Current => VietnamTime.MonthOf(time.GetUtcNow());

    public MonthlyReport For(Month month) => load(month);

    /// <summary>The reports of the <paramref name="count"/> months ending with <paramref name="last"/>, oldest first.</summary>
    public IReadOnlyList<MonthlyReport> Trend(Month last, int count = 12) =>
        Enumerable.Range(0, count).Select(i => load(MonthsBack(last, count - 1 - i))).ToList();

    /// <summary>The month <paramref name="months"/> before <paramref name="month"/>.</summary>
    public static Month MonthsBack(Month month, int months)
    {
        var first = month.FirstDay.AddMonths(-months);
        return new Month(first.Year, first.Month);
    }
}
