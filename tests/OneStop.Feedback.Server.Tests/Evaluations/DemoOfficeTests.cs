using Microsoft.Extensions.DependencyInjection;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Demo;
using OneStop.Feedback.Server.Evaluations;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Evaluations;

public class DemoOfficeTests
{
    /// <summary>The server under test; the PostgreSQL variant of this class overrides it.</summary>
    protected virtual TestApp NewApp(IDictionary<string, string?>? settings = null, bool withAdminToken = true) => new(settings, withAdminToken);

    [Fact]
    public async Task SeededDemoMonthGivesAPlausibleReport()
    {
        await using var app = NewApp();
        var seeded = DemoOffice.Seed(app.Services);
        app.Services.GetRequiredService<AttributionWorker>().Drain();
        var lastMonthDay = VietnamTime.DayOf(DateTimeOffset.UtcNow).AddMonths(-1);
        var report = app.Services.GetRequiredService<EvaluationQueries>().Report(new Month(lastMonthDay.Year, lastMonthDay.Month));

        Assert.InRange(seeded, 3000, 20000);
        Assert.Equal(0, DemoOffice.Seed(app.Services)); // only once
        Assert.Equal(10, report.Officers.Count);
        Assert.All(report.Officers, o => Assert.True(o.Sufficient && o.Rank is >= 1 and <= 5 && o.Tier is not null, o.OfficerId));
        Assert.Equal([1, 2, 3, 4, 5], report.Officers.Where(o => o.UnitId == "P-BADINH").Select(o => o.Rank!.Value).Order());
        Assert.Contains(report.Officers, o => o.Tier == "A");
        Assert.Contains(report.Officers, o => o.Tier is "C" or "D");
        var province = report.Units.Single(u => u.UnitId == DemoOffice.Province);
        Assert.Equal(report.Units.Where(u => u.ParentId == DemoOffice.Province).Sum(u => u.Ratings), province.Ratings);
        Assert.InRange(province.UnitIndex!.Value, 60, 95);
        Assert.InRange(province.SatisfiedShare!.Value, 0.7, 0.95);
        Assert.True(province.Flagged > 0 && province.LateDossiers > 0);
    }
}
