using OneStop.Feedback.Dashboard.Charts;
using OneStop.Feedback.Dashboard.Fonts;
using OneStop.Feedback.Dashboard.Tests.Support;
using OneStop.Feedback.Dashboard.Text;
using OneStop.Feedback.Evaluation.Evaluation;

namespace OneStop.Feedback.Dashboard.Tests.Charts;

/// <summary>Shapes of data the fixed month does not have: mixed scales, a whole province of units, nothing at all.</summary>
public class ChartEdgeCaseTests
{
    public ChartEdgeCaseTests() => ChartFonts.Register();

    [Fact]
    public void MixedScalesAreNamedPerScaleAndNeverMerged()
    {
        IReadOnlyList<LevelCount> levels = [new(3, 1, 4), new(3, 2, 10), new(3, 3, 20), new(5, 1, 1), new(5, 2, 2), new(5, 3, 3), new(5, 4, 9), new(5, 5, 15)];

        var plot = DistributionChart.Create(FixedReports.November, "Phường Ba Đình", levels, DashboardText.Vietnamese);
        Artifacts.Save("distribution-mixed-scales.png", ChartImage.Png(plot, 1200, 600));
        var svg = ChartImage.Svg(plot, 1200, 600);

        Assert.Contains("thang 3 mức", svg, StringComparison.Ordinal);
        Assert.Contains("thang 5 mức", svg, StringComparison.Ordinal);
        Assert.Contains("Chưa hài lòng", svg, StringComparison.Ordinal); // level 1 of 3, not "Rất không hài lòng"
    }

    [Fact]
    public void ManyUnitsWithLongNamesStillRender()
    {
        var template = FixedReports.For(FixedReports.November).Units[1];
        var units = Enumerable.Range(1, 14).Select(i => template with { UnitId = $"U{i}", Name = $"Trung tâm Phục vụ hành chính công phường số {i}", SatisfiedShare = 0.6 + i * 0.02 }).ToList();

        var png = ChartImage.Png(UnitsSatisfactionChart.Create(FixedReports.November, units, DashboardText.Vietnamese), 1200, 600);
        Artifacts.Save("units-satisfaction-many.png", png);

        Assert.Equal((1200, 600), Png.Size(png));
    }

    [Fact]
    public void EmptyMonthRendersEveryChartWithoutData()
    {
        var month = FixedReports.November;
        var text = DashboardText.Vietnamese;

        var pngs = new[]
        {
            UnitsSatisfactionChart.Create(month, [], text),
            DistributionChart.Create(month, "Xã Đông Anh", [], text),
            CriteriaChart.Create(month, "Nguyễn Văn An", [], text),
            TrendChart.Create("Xu hướng", [month], [new TrendSeries("Tỷ lệ hài lòng", [null])], text),
        }.Select(p => ChartImage.Png(p, 400, 300)).ToList();

        Assert.All(pngs, png => Assert.Equal((400, 300), Png.Size(png)));
    }
}
