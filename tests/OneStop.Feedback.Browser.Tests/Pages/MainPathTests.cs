using Microsoft.Playwright;
using OneStop.Feedback.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace OneStop.Feedback.Browser.Tests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class MainPathTests(BrowserApp app)
{
    [Fact]
    public async Task LeaderFollowsOverviewToUnitToOfficer()
    {
        var page = await app.SignedInPageAsync("lanhdao");
        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToContainTextAsync("Tổng quan");
        await Expect(page.Locator("figure svg[role=img]").First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "overview-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "Trung tâm PVHCC phường Ba Đình" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Trung tâm PVHCC phường Ba Đình");
        await Expect(page.Locator("table caption").First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "unit-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "Nguyễn Văn An" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Nguyễn Văn An");
        Assert.Equal(3, await page.Locator("figure svg[role=img]").CountAsync());
        await Screenshots.TakeAsync(page, "officer-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LanguageSwitchTurnsThePagesEnglishAndIsRemembered()
    {
        var page = await app.SignedInPageAsync("lanhdao");
        await page.GotoAsync("/units/P-BADINH");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("nav")).ToContainTextAsync("Overview");
        // The cookie keeps English on a page opened without ?lang=.
        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToContainTextAsync("Overview");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Tổng quan");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PagesFitAPhoneScreen()
    {
        var page = await app.SignedInPageAsync("lanhdao", 390, 844);
        foreach (var (path, name) in new[] { ("/", "overview-phone"), ("/units/P-BADINH", "unit-phone"), ("/officers/CB-01", "officer-phone") })
        {
            await page.GotoAsync(path);
            // Nothing but the tables' own scroll areas may be wider than the phone.
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a 390 px phone");
            await Screenshots.TakeAsync(page, name);
        }
        await page.Context.CloseAsync();
    }
}
