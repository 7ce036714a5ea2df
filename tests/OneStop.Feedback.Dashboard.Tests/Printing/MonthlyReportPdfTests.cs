using System.Net;
using System.Text;
using OneStop.Feedback.Dashboard.Fonts;
using OneStop.Feedback.Dashboard.Printing;
using OneStop.Feedback.Dashboard.Tests.Support;
using OneStop.Feedback.Dashboard.Text;
using UglyToad.PdfPig;

namespace OneStop.Feedback.Dashboard.Tests.Printing;

/// <summary>The monthly PDF read back with PdfPig: pages, Vietnamese text, the chart (vector, so its labels are text), paging of long tables.</summary>
public class MonthlyReportPdfTests
{
    public MonthlyReportPdfTests() => ChartFonts.Register();

    [Fact]
    public void ReportHasCoverUnitsWithChartOfficersAndNotesInVietnamese()
    {
        var pdf = MonthlyReportPdf.Write(FixedReports.For(FixedReports.November), null, new DateOnly(2026, 12, 1), DashboardText.Vietnamese);
        Artifacts.Save("monthly-report.pdf", pdf);

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => (Text: Normalised(p.Text), Images: p.GetImages().Count())).ToList();
        Assert.Equal(3, pages.Count);
        Assert.Contains("BÁO CÁO MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN", pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Tháng 11/2026", pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Lập ngày 01/12/2026", pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Phường Ba Đình", pages[1].Text, StringComparison.Ordinal);
        Assert.Contains("85,0 %", pages[1].Text, StringComparison.Ordinal);
        Assert.Contains("Mức độ hài lòng theo đơn vị — Tháng 11/2026", pages[1].Text, StringComparison.Ordinal); // the chart, drawn as vectors
        Assert.Contains("Phân bố mức đánh giá — Thành phố Hà Nội — Tháng 11/2026", pages[1].Text, StringComparison.Ordinal);
        Assert.Equal(0, pages[1].Images);
        Assert.Contains("Lê Thị Hồng Đào", pages[2].Text, StringComparison.Ordinal);
        Assert.Contains("chưa đủ dữ liệu", pages[2].Text, StringComparison.Ordinal);
        Assert.Contains("Cận dưới Wilson", pages[2].Text, StringComparison.Ordinal);
        Assert.Contains("Trang 3", pages[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LongOfficerTableContinuesOnNewPagesWithItsHeader()
    {
        var report = FixedReports.For(FixedReports.November);
        var many = Enumerable.Range(1, 150).Select(i => report.Officers[0] with { OfficerId = $"CB-{i}", Name = $"Cán bộ số {i}", Rank = i }).ToList();

        var pdf = MonthlyReportPdf.Write(report with { Officers = many }, null, new DateOnly(2026, 12, 1), DashboardText.Vietnamese);

        using var document = PdfDocument.Open(pdf);
        var officerPages = document.GetPages().Skip(2).Select(p => Normalised(p.Text)).ToList();
        Assert.True(officerPages.Count >= 3, $"150 officers on {officerPages.Count} pages");
        Assert.All(officerPages.SkipLast(1), text => Assert.Contains("Họ và tên", text, StringComparison.Ordinal));
        Assert.Contains("Cán bộ số 150", officerPages[^1] + officerPages[^2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportRouteServesAUnitSubtreeAsPdf()
    {
        await using var app = new DashboardApp(fixedReports: true);

        var response = await app.Client.GetAsync("/api/v1/reports/monthly?month=2026-11&unit=X-DA");
        var missing = await app.Client.GetAsync("/api/v1/reports/monthly?month=2026-11&unit=NOWHERE");
        var bad = await app.Client.GetAsync("/api/v1/reports/monthly?month=11-2026");

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Concat(document.GetPages().Select(p => Normalised(p.Text)));
        Assert.Contains("Phạm vi: Xã Đông Anh", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", text, StringComparison.Ordinal); // Ba Đình's officer is outside the subtree
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (missing.StatusCode, bad.StatusCode));
    }

    /// <summary>PdfPig returns the glyphs' text; normalise so that the comparison does not depend on the font's cmap.</summary>
    private static string Normalised(string text) => text.Normalize(NormalizationForm.FormC);
}
