using System.Net;
using System.Text;
using OneStop.Feedback.Dashboard.Tests.Support;

namespace OneStop.Feedback.Dashboard.Tests.Pages;

/// <summary>The server-rendered pages: Vietnamese by default with vi-VN numbers, English on request, accessible structure.</summary>
public class PagesTests
{
    [Fact]
    public async Task OverviewComparesUnitsInVietnameseWithAnInlineChart()
    {
        await using var app = new DashboardApp(fixedReports: true);

        var html = await GetPageAsync(app.Client, "/?month=2026-11", "overview.html");

        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Tổng quan — Tháng 11/2026</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>So sánh các đơn vị — Tháng 11/2026</caption>", html, StringComparison.Ordinal);
        Assert.Contains("85,0 %", html, StringComparison.Ordinal); // Ba Đình's satisfied share, decimal comma
        Assert.Contains("<svg role=\"img\" aria-label=\"Mức độ hài lòng theo đơn vị — Tháng 11/2026\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"month\">Tháng</label>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitPageRanksOfficersAndSaysWhenDataIsInsufficient()
    {
        await using var app = new DashboardApp(fixedReports: true);

        var html = await GetPageAsync(app.Client, "/units/X-DA?month=2026-11", "unit.html");

        Assert.Contains("<caption>Xếp hạng cán bộ — Xã Đông Anh</caption>", html, StringComparison.Ordinal);
        var ranked = html.IndexOf("Lê Thị Hồng Đào", StringComparison.Ordinal);
        var insufficient = html.IndexOf("Phạm Quốc Việt", StringComparison.Ordinal);
        Assert.True(ranked > 0 && insufficient > ranked, "the ranked officer comes before the one without enough data");
        Assert.Contains("chưa đủ dữ liệu", html[insufficient..], StringComparison.Ordinal);
        Assert.Contains("85,0 %", html, StringComparison.Ordinal); // Đào: 0.79 + 0.06
    }

    [Fact]
    public async Task OfficerScorecardHasThreeChartsAndFlaggedCounts()
    {
        await using var app = new DashboardApp(fixedReports: true);

        var html = await GetPageAsync(app.Client, "/officers/CB-1?month=2026-11", "officer.html");

        Assert.Contains("<h1>Phiếu đánh giá: Nguyễn Văn An — Tháng 11/2026</h1>", html, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(html, "<svg role=\"img\""));
        Assert.Contains("Th11/2026", html, StringComparison.Ordinal);
        Assert.Contains("Biết nghe dân nói", html, StringComparison.Ordinal);
        Assert.Contains("Bấm quá sớm sau lượt trước", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishIsChosenByQueryAndRememberedByCookie()
    {
        await using var app = new DashboardApp(fixedReports: true);

        var first = await app.Client.GetAsync("/?month=2026-11&lang=en");
        var cookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lang=", StringComparison.Ordinal));
        using var again = new HttpRequestMessage(HttpMethod.Get, "/units/P-BD?month=2026-11");
        again.Headers.Add("Cookie", cookie.Split(';')[0]);
        var second = await (await app.Client.SendAsync(again)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Officers ranked — Phường Ba Đình", second, StringComparison.Ordinal);
        Assert.Contains("87.0%", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/units/NOWHERE?month=2026-11")]
    [InlineData("/officers/CB-404?month=2026-11")]
    [InlineData("/?month=2026-13")]
    public async Task UnknownSubjectOrMonthIsANotFoundPage(string url)
    {
        await using var app = new DashboardApp(fixedReports: true);

        var response = await app.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesWithoutSignInLeadToTheLoginForm()
    {
        // Every role's access to every route is checked by the server tests' access matrix; this is the page side.
        await using var app = new DashboardApp(fixedReports: true);
        using var anonymous = app.CreateAnonymousClient();

        var response = await anonymous.GetAsync("/units/X-DA?month=2026-11");

        Assert.Equal("/login", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("?ReturnUrl=%2Funits%2FX-DA%3Fmonth%3D2026-11", response.RequestMessage.RequestUri.Query);
        Assert.Contains("<input id=\"username\" name=\"username\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverviewOfTheRealStoreRendersForTheCurrentMonth()
    {
        await using var app = new DashboardApp();
        await app.SeedOfficeAsync();

        var html = await app.Client.GetStringAsync("/");

        Assert.Contains("Phường Ba Đình", html, StringComparison.Ordinal);
        Assert.Contains("chưa có dữ liệu", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverviewOfAnEmptyStoreSaysWhatToDoFirst()
    {
        await using var app = new DashboardApp();

        var html = await app.Client.GetStringAsync("/");

        Assert.Contains("Chưa có đơn vị nào trong tháng này", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }

    /// <summary>Fetches a page, checks it is UTF-8 HTML in NFC, and keeps it as an artifact for a person to open.</summary>
    private static async Task<string> GetPageAsync(HttpClient client, string url, string artifact)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Artifacts.Save(artifact, Encoding.UTF8.GetBytes(html));
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.Ordinal);
        Assert.Equal(html.Normalize(NormalizationForm.FormC), html);
        return html;
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
