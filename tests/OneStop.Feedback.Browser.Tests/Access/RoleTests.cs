using Microsoft.Playwright;
using OneStop.Feedback.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace OneStop.Feedback.Browser.Tests.Access;

/// <summary>
/// Each role signs in through the login form and sees its data and only that: pages, links, live view, late dossiers
/// and exports are all refused on the server outside the scope (not only hidden).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RoleTests(BrowserApp app)
{
    private const string BaDinh = "Trung tâm PVHCC phường Ba Đình", DongAnh = "Trung tâm PVHCC xã Đông Anh";

    [Fact]
    public async Task LeaderSeesEveryUnit()
    {
        var page = await app.SignedInPageAsync("lanhdao");
        await page.GotoAsync("/");
        var units = await page.Locator("table tbody th[scope=row]").AllInnerTextsAsync();
        Assert.Contains(BaDinh, units);
        Assert.Contains(DongAnh, units);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tài khoản" })).ToHaveCountAsync(0);
        Assert.Equal(200, (await page.GotoAsync("/officers/CB-06"))!.Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnitHeadSeesOnlyTheirOwnSubtree()
    {
        var page = await app.SignedInPageAsync("truongbadinh");
        await page.GotoAsync("/");
        var units = await page.Locator("table tbody th[scope=row]").AllInnerTextsAsync();
        Assert.Equal([BaDinh], units);

        await page.GotoAsync("/units/P-BADINH");
        var officers = await page.Locator("table tbody th[scope=row]").AllInnerTextsAsync();
        Assert.Contains("Nguyễn Văn An", officers);
        Assert.DoesNotContain("Vũ Thị Giang", officers);

        // Another centre, its officer, its export and its report are refused by the server.
        Assert.Equal(403, (await page.GotoAsync("/units/X-DONGANH"))!.Status);
        Assert.Equal(403, (await page.GotoAsync("/officers/CB-06"))!.Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/v1/exports/officers?month=" + CurrentMonth() + "&unit=X-DONGANH&format=csv")).Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/v1/reports/monthly?month=" + CurrentMonth() + "&unit=X-DONGANH")).Status);

        // The live view lists only the centre's counters.
        await page.GotoAsync("/live");
        await Expect(page.Locator("#live-terminals tr").First).ToBeVisibleAsync();
        var terminalUnits = await page.Locator("#live-terminals tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(terminalUnits);
        Assert.All(terminalUnits, u => Assert.Equal(BaDinh, u));
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/v1/dossiers/KHONG-CO/apology-letter")).Status);

        // Late dossiers: only the centre's counters.
        await page.GotoAsync("/dossiers/late");
        var counters = await page.Locator("article.dossier dd:nth-of-type(2)").AllInnerTextsAsync();
        Assert.All(counters, c => Assert.EndsWith(BaDinh, c, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OfficerSeesOnlyTheirOwnScorecard()
    {
        var page = await app.SignedInPageAsync("canbo01");
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/officers/CB-01"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Nguyễn Văn An");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Trực tiếp" })).ToHaveCountAsync(0);

        Assert.Equal(403, (await page.GotoAsync("/officers/CB-02"))!.Status);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Trần Thị Bình");
        Assert.Equal(403, (await page.GotoAsync("/units/P-BADINH"))!.Status);
        Assert.Equal(403, (await page.GotoAsync("/live"))!.Status);
        Assert.Equal(403, (await page.GotoAsync("/dossiers/late"))!.Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/v1/live/terminals")).Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/v1/exports/units?month=" + CurrentMonth() + "&format=csv")).Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/v1/charts/officer-trend?month=" + CurrentMonth() + "&officer=CB-02")).Status);
        Assert.Equal(200, (await page.APIRequest.GetAsync("/api/v1/charts/officer-trend?month=" + CurrentMonth() + "&officer=CB-01")).Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AdminSeesAdministrationAndEveryUnit()
    {
        var page = await app.SignedInPageAsync("quantri");
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tài khoản" })).ToBeVisibleAsync();
        Assert.Equal(2, (await page.Locator("table tbody th[scope=row]").AllInnerTextsAsync()).Count(u => u == BaDinh || u == DongAnh));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignedOutVisitorIsSentToTheLoginPage()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/units/P-BADINH");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Nguyễn Văn An");
        await context.CloseAsync();
    }

    private static string CurrentMonth() => OneStop.Feedback.Evaluation.Calendar.VietnamTime.MonthOf(DateTimeOffset.UtcNow).ToString();
}
