using System.Text;
using Microsoft.Playwright;
using OneStop.Feedback.Browser.Tests.Support;
using UglyToad.PdfPig;

namespace OneStop.Feedback.Browser.Tests.Exports;

/// <summary>Every export is downloaded through the links of the pages, as a person would, and opened again.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageDownloadTests(BrowserApp app)
{
    [Fact]
    public async Task OverviewChartsTablesAndMonthlyReportDownload()
    {
        var page = await app.SignedInPageAsync("lanhdao");
        await page.GotoAsync("/");
        var unitNames = await page.Locator("table tbody th[scope=row]").AllInnerTextsAsync();
        Assert.NotEmpty(unitNames);

        await CheckChartAsync(page, "overview", "units-satisfaction");

        var xlsx = await DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Bảng Excel (XLSX)" }), "units.xlsx");
        var rows = Files.XlsxRows(xlsx);
        Assert.Equal("Đơn vị", rows[0][1]);
        Assert.Equal(unitNames.Order(StringComparer.Ordinal), rows.Skip(1).Select(r => r[1]).Order(StringComparer.Ordinal));
        Assert.True(Files.XlsxHasNumberCells(xlsx), "the workbook has no number cells");

        var csv = File.ReadAllBytes(await DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Bảng CSV" }), "units.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var lines = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("unitId,", lines[0], StringComparison.Ordinal);
        Assert.Equal(unitNames.Count + 1, lines.Length);

        var pdfPath = await DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo tháng (PDF)" }), "monthly-report.pdf");
        using var pdf = PdfDocument.Open(pdfPath);
        Assert.True(pdf.NumberOfPages >= 3, $"the monthly report has {pdf.NumberOfPages} pages");
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        foreach (var expected in new[] { "BÁO CÁO MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN", "Kết quả theo đơn vị", "Kết quả theo cán bộ", "Ghi chú về số liệu", "Nguyễn Văn An", unitNames[0] })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnitAndOfficerChartsAndTablesDownload()
    {
        var page = await app.SignedInPageAsync("lanhdao");
        await page.GotoAsync("/units/P-BADINH");
        await CheckChartAsync(page, "unit", "unit-trend");
        await CheckChartAsync(page, "unit", "distribution");
        var officers = await page.Locator("table tbody th[scope=row]").AllInnerTextsAsync();
        var rows = Files.XlsxRows(await DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Bảng Excel (XLSX)" }), "officers.xlsx"));
        Assert.Equal(officers.Order(StringComparer.Ordinal), rows.Skip(1).Select(r => r[1]).Order(StringComparer.Ordinal));
        var unitPdf = await DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo tháng (PDF)" }), "monthly-report-unit.pdf");
        using (var pdf = PdfDocument.Open(unitPdf))
        {
            var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            Assert.Contains("Phạm vi: Trung tâm PVHCC phường Ba Đình", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Vũ Thị Giang", text, StringComparison.Ordinal); // an officer of the other centre
        }

        await page.GotoAsync("/officers/CB-01");
        await CheckChartAsync(page, "officer", "officer-trend");
        await CheckChartAsync(page, "officer", "distribution");
        await CheckChartAsync(page, "officer", "officer-criteria");
        await page.Context.CloseAsync();
    }

    /// <summary>Downloads the chart's PNG and SVG through its links and checks the default 1200×600 size.</summary>
    private static async Task CheckChartAsync(IPage page, string pageName, string chart)
    {
        var links = page.Locator($"p.downloads:has(a[href^='/api/v1/charts/{chart}?'])").First;
        var png = await DownloadAsync(page, links.GetByRole(AriaRole.Link, new() { Name = "Ảnh PNG" }), $"{pageName}-{chart}.png");
        Assert.Equal((1200, 600), Files.PngSize(png));
        var svg = await DownloadAsync(page, links.GetByRole(AriaRole.Link, new() { Name = "Ảnh SVG" }), $"{pageName}-{chart}.svg");
        var (width, height, document) = Files.Svg(svg);
        Assert.Equal((1200d, 600d), (width, height));
        Assert.Contains(document.Descendants(), e => e.Name.LocalName == "text" && e.Value.Length > 0);
    }

    private static async Task<string> DownloadAsync(IPage page, ILocator link, string keepAs)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Null(await download.FailureAsync());
        var target = Path.Combine(Artifacts.Directory, keepAs);
        await download.SaveAsAsync(target);
        return target;
    }
}
