using System.Net.Http.Json;
using OneStop.Feedback.Dashboard.Charts;
using OneStop.Feedback.Dashboard.Tests.Support;

namespace OneStop.Feedback.Dashboard.Tests.Charts;

/// <summary>
/// Chart images are kept with the report object they were drawn from (<see cref="KeptCharts"/>): the same report
/// gives the kept image, a new report (the server computes one after any change to its data) a new drawing.
/// </summary>
public class KeptChartTests
{
    [Fact]
    public void AnImageIsDrawnOncePerReportAndKeyAndAgainForANewReport()
    {
        var report = FixedReports.For(FixedReports.November);
        var same = report with { }; // equal content, another object: what the server hands out after a change
        var draws = 0;
        byte[] Draw() => [(byte)++draws];

        var first = KeptCharts.Png(report, "units-satisfaction", Draw);
        var again = KeptCharts.Png(report, "units-satisfaction", Draw);
        var otherKey = KeptCharts.Png(report, "distribution", Draw);
        var newReport = KeptCharts.Png(same, "units-satisfaction", Draw);

        Assert.Same(first, again);
        Assert.Equal([1], first);
        Assert.Equal([2], otherKey);
        Assert.Equal([3], newReport);
        Assert.Equal(3, draws);
    }

    [Fact]
    public async Task AChartOfTheServersReportShowsAChangeToItsDataAtOnce()
    {
        await using var app = new DashboardApp();
        await app.SeedOfficeAsync();
        const string url = "/api/v1/charts/distribution?month=2026-11&unit=P-BD&width=640&height=320";

        var before = await app.Client.GetByteArrayAsync(url);
        var beforeAgain = await app.Client.GetByteArrayAsync(url);
        (await app.Client.PutAsJsonAsync("/api/v1/units/P-BD", new
        {
            name = "Phường Ngọc Hà",
            parentId = "HN",
            validFrom = new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.FromHours(7)),
            requireServiceEvent = true,
        })).EnsureSuccessStatusCode();
        var after = await app.Client.GetByteArrayAsync(url);
        var svgAfter = await app.Client.GetStringAsync(url.Replace("width=640", "format=svg&width=640", StringComparison.Ordinal));

        Assert.Equal(before, beforeAgain);
        Assert.NotEqual(before, after); // the title names the renamed unit
        Assert.Contains("Ngọc Hà", svgAfter, StringComparison.Ordinal);
        Assert.Equal((640, 320), Png.Size(after));
    }
}
