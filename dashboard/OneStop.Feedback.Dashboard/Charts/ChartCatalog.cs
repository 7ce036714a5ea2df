using OneStop.Feedback.Dashboard.Access;
using OneStop.Feedback.Dashboard.Reports;
using OneStop.Feedback.Dashboard.Text;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Evaluation;
using ScottPlot;

namespace OneStop.Feedback.Dashboard.Charts;

/// <summary>
/// The named charts of the API and the pages: picks the data out of the month's reports and calls the chart's
/// function. Returns null with a reason when the subject (unit, officer) is missing or unknown.
/// </summary>
public static class ChartCatalog
{
    public const string UnitsSatisfaction = "units-satisfaction";
    public const string UnitTrend = "unit-trend";
    public const string OfficerTrend = "officer-trend";
    public const string OfficerCriteria = "officer-criteria";
    public const string Distribution = "distribution";

    public static readonly IReadOnlyList<string> Names = [UnitsSatisfaction, UnitTrend, OfficerTrend, OfficerCriteria, Distribution];

    /// <summary>
    /// Whether <paramref name="scope"/> may see this chart: the unit and officer asked for must be in the scope, the
    /// unit comparison needs units, and the organisation-wide distribution (neither unit nor officer) needs everything.
    /// </summary>
    public static bool Allowed(string chart, string? unit, string? officer, AccessScope scope) =>
        (unit is null || scope.SeesUnit(unit))
        && (officer is null || scope.SeesOfficer(officer))
        && (chart != UnitsSatisfaction || scope.SeesUnits)
        && (chart != Distribution || unit is not null || officer is not null || scope.SeesAll);

    /// <summary>The plot, or the name of the bad parameter and why. With a <paramref name="scope"/>, the unit comparison shows only its units.</summary>
    public static (Plot? Plot, string? Field, string? Problem) Build(string chart, Month month, string? unit, string? officer, MonthlyReports reports, DashboardText text, AccessScope? scope = null) =>
        chart switch
        {
            UnitTrend => unit is null ? (null, "unit", "required for unit-trend") : UnitTrendPlot(month, unit, reports, text),
            OfficerTrend => officer is null ? (null, "officer", "required for officer-trend") : OfficerTrendPlot(month, officer, reports, text),
            _ => Build(chart, reports.For(month), unit, officer, text, scope),
        };

    /// <summary>Whether the chart is drawn from one month's report and nothing else (see <see cref="KeptCharts"/>).</summary>
    public static bool FromOneReport(string chart) => chart is UnitsSatisfaction or OfficerCriteria or Distribution;

    /// <summary>A chart drawn from one month's report (<see cref="FromOneReport"/>), or the name of the bad parameter and why.</summary>
    public static (Plot? Plot, string? Field, string? Problem) Build(string chart, MonthlyReport report, string? unit, string? officer, DashboardText text, AccessScope? scope = null)
    {
        switch (chart)
        {
            case UnitsSatisfaction:
                return (UnitsSatisfactionChart.Create(report.Month, scope is null ? report.Units : scope.Filter(report.Units), text), null, null);
            case OfficerCriteria:
                if (officer is null)
                {
                    return (null, "officer", "required for officer-criteria");
                }
                var o = report.Officers.FirstOrDefault(x => x.OfficerId == officer);
                return o is null ? (null, "officer", "unknown officer") : (CriteriaChart.Create(report.Month, o.Name ?? o.OfficerId, o.Criteria, text), null, null);
            case Distribution:
                return DistributionPlot(report.Month, unit, officer, report, text);
            default:
                throw new ArgumentOutOfRangeException(nameof(chart), chart, "not a chart drawn from one report");
        }
    }

    private static (Plot?, string?, string?) UnitTrendPlot(Month month, string unit, MonthlyReports reports, DashboardText text)
    {
        var trend = reports.Trend(month);
        var rows = trend.Select(r => r.Units.FirstOrDefault(u => u.UnitId == unit)).ToList();
        var name = rows.LastOrDefault(r => r is not null)?.Name;
        if (name is null)
        {
            return (null, "unit", "unknown unit");
        }
        var series = new[]
        {
            new TrendSeries(text["SatisfiedShare"], rows.Select(r => r?.SatisfiedShare * 100).ToList()),
            new TrendSeries(text["UnitIndex"], rows.Select(r => r?.UnitIndex).ToList()),
        };
        return (TrendChart.Create(text.Format("ChartUnitTrend", name), trend.Select(r => r.Month).ToList(), series, text), null, null);
    }

    private static (Plot?, string?, string?) OfficerTrendPlot(Month month, string officer, MonthlyReports reports, DashboardText text)
    {
        var rows = reports.OfficerTrend(officer, month);
        var last = rows.LastOrDefault(r => r is not null);
        if (last is null)
        {
            return (null, "officer", "unknown officer");
        }
        var series = new[]
        {
            new TrendSeries(text["SatisfiedShare"], rows.Select(r => r?.SatisfiedShare * 100).ToList()),
            new TrendSeries(text["HappyIndex"], rows.Select(r => r?.HappyIndex).ToList()),
        };
        return (TrendChart.Create(text.Format("ChartOfficerTrend", last.Name ?? officer), MonthlyReports.TrendMonths(month), series, text), null, null);
    }

    /// <summary>An officer's, a unit's, or (neither given) the whole organisation's: the root units' sum.</summary>
    private static (Plot?, string?, string?) DistributionPlot(Month month, string? unit, string? officer, MonthlyReport report, DashboardText text)
    {
        if (officer is not null)
        {
            var o = report.Officers.FirstOrDefault(x => x.OfficerId == officer);
            return o is null ? (null, "officer", "unknown officer") : (DistributionChart.Create(month, o.Name ?? o.OfficerId, o.Distribution, text), null, null);
        }
        if (unit is not null)
        {
            var u = report.Units.FirstOrDefault(x => x.UnitId == unit);
            return u is null ? (null, "unit", "unknown unit") : (DistributionChart.Create(month, u.Name, u.Distribution, text), null, null);
        }
        return (RootsDistribution(report, text), null, null);
    }

    /// <summary>The distribution of all ratings of the report's top units (those whose parent is not in the report).</summary>
    public static Plot RootsDistribution(MonthlyReport report, DashboardText text)
    {
        var roots = report.Units.Where(u => u.ParentId is null || report.Units.All(p => p.UnitId != u.ParentId)).ToList();
        var sum = roots.SelectMany(u => u.Distribution).GroupBy(l => (l.Scale, l.Score))
            .Select(g => new LevelCount(g.Key.Scale, g.Key.Score, g.Sum(l => l.Count))).ToList();
        return DistributionChart.Create(report.Month, string.Join(", ", roots.Select(u => u.Name)), sum, text);
    }
}
