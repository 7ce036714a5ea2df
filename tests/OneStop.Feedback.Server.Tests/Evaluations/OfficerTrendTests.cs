using Microsoft.Extensions.DependencyInjection;
using OneStop.Feedback.Dashboard.Reports;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Demo;
using OneStop.Feedback.Server.Evaluations;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Evaluations;

/// <summary>The officer page's 12-month trend, read from one officer's monthly rows, against the whole monthly reports.</summary>
public sealed class OfficerTrendTests
{
    [Fact]
    public async Task OfficerMonthsGiveTheOfficersLinesOfTheMonthlyReports()
    {
        await using var app = new TestApp();
        DemoOffice.Seed(app.Services);
        app.Services.GetRequiredService<AttributionWorker>().Drain();
        var queries = app.Services.GetRequiredService<EvaluationQueries>();
        var current = VietnamTime.MonthOf(DateTimeOffset.UtcNow);
        var months = MonthlyReports.TrendMonths(current);
        var reports = months.Select(queries.Report).ToList();
        var officerIds = reports.SelectMany(r => r.Officers).Select(o => o.OfficerId).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(10, officerIds.Count);

        var monthsWithRatings = 0;
        foreach (var id in officerIds.Append("NO-SUCH-OFFICER"))
        {
            var trend = queries.OfficerMonths(id, months);
            Assert.Equal(months.Count, trend.Count);
            for (var i = 0; i < months.Count; i++)
            {
                var expected = reports[i].Officers.FirstOrDefault(o => o.OfficerId == id);
                var actual = trend[i];
                var where = $"{id} {months[i]}";
                if (expected is null)
                {
                    Assert.True(actual is null, where);
                    continue;
                }
                Assert.True(actual is not null, where);
                Assert.Equal((expected.Name, expected.UnitId, expected.UnitName, expected.Ratings, expected.Flagged, expected.Flags, expected.Satisfied),
                    (actual.Name, actual.UnitId, actual.UnitName, actual.Ratings, actual.Flagged, actual.Flags, actual.Satisfied));
                Assert.Equal((expected.SatisfiedShare, expected.HappyIndex, expected.WilsonLower, expected.Services, expected.ResponseRate, expected.Sufficient, expected.Tier),
                    (actual.SatisfiedShare, actual.HappyIndex, actual.WilsonLower, actual.Services, actual.ResponseRate, actual.Sufficient, actual.Tier));
                Assert.Equal(expected.Distribution, actual.Distribution);
                Assert.Equal(expected.Criteria, actual.Criteria);
                Assert.Null(actual.Rank);
                Assert.Null(actual.BayesianShare);
                monthsWithRatings += expected.Ratings > 0 ? 1 : 0;
            }
        }
        // The demo office has about two months of data: at least two months per officer had ratings, the rest none.
        Assert.InRange(monthsWithRatings, 2 * officerIds.Count, 3 * officerIds.Count);
    }

    [Fact]
    public async Task OfficerTrendChartIsTheSameThroughTheOfficersRowsAsThroughWholeReports()
    {
        await using var app = new TestApp();
        DemoOffice.Seed(app.Services);
        app.Services.GetRequiredService<AttributionWorker>().Drain();
        var queries = app.Services.GetRequiredService<EvaluationQueries>();
        var current = VietnamTime.MonthOf(DateTimeOffset.UtcNow);
        var fast = new MonthlyReports(queries.Report, TimeProvider.System, queries.OfficerMonths);
        var slow = new MonthlyReports(queries.Report, TimeProvider.System);
        var officer = queries.Report(MonthlyReports.MonthsBack(current, 1)).Officers[0].OfficerId;

        var fastLine = fast.OfficerTrend(officer, current).Select(o => (o?.SatisfiedShare, o?.HappyIndex, o?.Name)).ToList();
        var slowLine = slow.OfficerTrend(officer, current).Select(o => (o?.SatisfiedShare, o?.HappyIndex, o?.Name)).ToList();
        Assert.Equal(slowLine, fastLine);
        Assert.True(fastLine.Count(p => p.SatisfiedShare is not null) >= 2, "the demo office should give at least two months with ratings");
    }
}
