using System.Text;
using OneStop.Feedback.Dashboard.Charts;
using OneStop.Feedback.Dashboard.Fonts;
using OneStop.Feedback.Dashboard.Reports;
using OneStop.Feedback.Dashboard.Tests.Support;
using OneStop.Feedback.Dashboard.Text;
using SkiaSharp;

namespace OneStop.Feedback.Dashboard.Tests.Charts;

/// <summary>Every chart rendered from fixed data to PNG (kept in bin/…/artifacts for a person to look at) and SVG.</summary>
public class ChartRenderingTests
{
    private static readonly MonthlyReports Reports = new(FixedReports.For, TimeProvider.System);

    public ChartRenderingTests() => ChartFonts.Register();

    public static TheoryData<string, string?, string?, string> Charts => new()
    {
        { ChartCatalog.UnitsSatisfaction, null, null, "Phường Ba Đình" },
        { ChartCatalog.UnitTrend, "P-BD", null, "Th11/2026" },
        { ChartCatalog.OfficerTrend, null, "CB-3", "Th12/2025" },
        { ChartCatalog.OfficerCriteria, null, "CB-1", "Biết nghe dân nói" },
        { ChartCatalog.Distribution, "X-DA", null, "Rất không hài lòng" },
    };

    [Theory]
    [MemberData(nameof(Charts))]
    public void ChartRendersToPngOfTheAskedSizeWithContent(string chart, string? unit, string? officer, string _)
    {
        var plot = ChartCatalog.Build(chart, FixedReports.November, unit, officer, Reports, DashboardText.Vietnamese).Plot!;

        var png = ChartImage.Png(plot, ChartSize.DefaultWidth, ChartSize.DefaultHeight);
        Artifacts.Save(chart + ".png", png);

        Assert.Equal((1200, 600), Png.Size(png));
        using var bitmap = SKBitmap.Decode(png);
        var colours = new HashSet<SKColor>();
        var dark = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                var pixel = bitmap.GetPixel(x, y);
                colours.Add(pixel);
                dark += pixel.Red + pixel.Green + pixel.Blue < 200 ? 1 : 0;
            }
        }
        Assert.True(colours.Count > 20, $"{chart}: only {colours.Count} colours");
        Assert.True(dark > 500, $"{chart}: only {dark} dark pixels: no text drawn? (font missing)");
        // Above the data area only the title is drawn: dark pixels there are its letters.
        var title = 0;
        for (var y = 0; y < 40; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                title += pixel.Red + pixel.Green + pixel.Blue < 200 ? 1 : 0;
            }
        }
        Assert.True(title > 200, $"{chart}: only {title} dark pixels in the title band: the title text was not drawn");
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void ChartSvgHoldsTheVietnameseLabelsInNfc(string chart, string? unit, string? officer, string label)
    {
        var plot = ChartCatalog.Build(chart, FixedReports.November, unit, officer, Reports, DashboardText.Vietnamese).Plot!;

        var svg = ChartImage.Svg(plot, 800, 400);
        Artifacts.Save(chart + ".svg", Encoding.UTF8.GetBytes(svg));

        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains(label.Normalize(NormalizationForm.FormC), svg, StringComparison.Ordinal);
        Assert.Equal(svg.Normalize(NormalizationForm.FormC), svg);
        Assert.Contains("DejaVu Sans", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void EnglishChartUsesEnglishLabels()
    {
        var plot = ChartCatalog.Build(ChartCatalog.OfficerCriteria, FixedReports.November, null, "CB-1", Reports, DashboardText.English).Plot!;

        var svg = ChartImage.Svg(plot, 800, 400);

        Assert.Contains("Listens to citizens", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Biết nghe", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void DecomposedInputIsDrawnAsComposedText()
    {
        var decomposed = "Phường Ba Đình".Normalize(NormalizationForm.FormD);
        var report = FixedReports.For(FixedReports.November);
        var units = report.Units.Select(u => u with { Name = u.UnitId == "P-BD" ? decomposed : u.Name }).ToList();

        var svg = ChartImage.Svg(UnitsSatisfactionChart.Create(FixedReports.November, units, DashboardText.Vietnamese), 800, 400);

        Assert.Contains("Phường Ba Đình".Normalize(NormalizationForm.FormC), svg, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSubjectIsReportedNotDrawn()
    {
        var (plot, field, problem) = ChartCatalog.Build(ChartCatalog.OfficerTrend, FixedReports.November, null, "CB-404", Reports, DashboardText.Vietnamese);

        Assert.Null(plot);
        Assert.Equal(("officer", "unknown officer"), (field, problem));
    }
    [Theory]
    [MemberData(nameof(Charts))]
    public void PngHasExactlyThePixelsOfScottPlotsOwnPngExport(string chart, string? unit, string? officer, string _)
    {
        var plot = ChartCatalog.Build(chart, FixedReports.November, unit, officer, Reports, DashboardText.Vietnamese).Plot!;

        var ours = ChartImage.Png(plot, 1200, 600);
        var reference = plot.GetImageBytes(1200, 600, ScottPlot.ImageFormat.Png);

        using var a = SKBitmap.Decode(ours);
        using var b = SKBitmap.Decode(reference);
        Assert.Equal((b.Width, b.Height, b.ColorType), (a.Width, a.Height, a.ColorType));
        var differing = 0;
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                differing += a.GetPixel(x, y) == b.GetPixel(x, y) ? 0 : 1;
            }
        }
        Assert.Equal(0, differing);
        // Cheaper compression, not a worse picture: the file grows (1.0–1.6× on these charts) but stays below twice the size.
        Assert.InRange(ours.Length, reference.Length / 2, reference.Length * 2);
    }
}
