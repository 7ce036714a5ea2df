using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Dashboard.Reports;

/// <summary>
/// The dashboard's only door to the data: the host hands in how to compute a month's report (the server's
/// EvaluationQueries), so the dashboard does not depend on the server project and tests can feed fixed reports.
/// The dashboard keeps no report itself: late data re-attributes ratings of past months, so only the host knows when a
/// report is out of date (the server keeps each month's report while the versions of its data are unchanged).
/// The host may also say how to read one officer's line for several months at once (<paramref name="officerMonths"/>,
/// the server's EvaluationQueries.OfficerMonths), so an officer's 12-month trend does not cost twelve whole reports;
/// without it the trend takes the officer's line out of each month's report.
/// </summary>
public sealed class MonthlyReports(
    Func<Month, MonthlyReport> load,
    TimeProvider time,
    Func<string, IReadOnlyList<Month>, IReadOnlyList<OfficerReport?>>? officerMonths = null)
{
    /// <summary>The Vietnam-time month of now.</summary>
    public Month Current => VietnamTime.MonthOf(time.GetUtcNow());

    public MonthlyReport For(Month month) => load(month);

    /// <summary>The reports of the <paramref name="count"/> months ending with <paramref name="last"/>, oldest first.</summary>
    public IReadOnlyList<MonthlyReport> Trend(Month last, int count = 12) =>
        TrendMonths(last, count).Select(load).ToList();

    /// <summary>The <paramref name="count"/> months ending with <paramref name="last"/>, oldest first.</summary>
    public static IReadOnlyList<Month> TrendMonths(Month last, int count = 12) =>
        Enumerable.Range(0, count).Select(i => MonthsBack(last, count - 1 - i)).ToList();

    /// <summary>
    /// The officer's line for each of the <paramref name="count"/> months ending with <paramref name="last"/>,
    /// oldest first, null where that month's report has none. Shares, indexes and counts are those of the monthly
    /// reports; rank and Bayesian share may be left out (null) when the host reads the officer's rows alone.
    /// </summary>
    public IReadOnlyList<OfficerReport?> OfficerTrend(string officerId, Month last, int count = 12)
    {
        var months = TrendMonths(last, count);
        return officerMonths is null
            ? months.Select(m => load(m).Officers.FirstOrDefault(o => o.OfficerId == officerId)).ToList()
            : officerMonths(officerId, months);
    }

    /// <summary>The month <paramref name="months"/> before <paramref name="month"/>.</summary>
    public static Month MonthsBack(Month month, int months)
    {
        var first = month.FirstDay.AddMonths(-months);
        return new Month(first.Year, first.Month);
    }
}
