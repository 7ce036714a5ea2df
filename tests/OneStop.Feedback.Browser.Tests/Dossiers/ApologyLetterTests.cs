using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using OneStop.Feedback.Browser.Tests.Support;
using OneStop.Feedback.Evaluation.Calendar;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace OneStop.Feedback.Browser.Tests.Dossiers;

[Collection(BrowserCollection.Name)]
public sealed class ApologyLetterTests(BrowserApp app)
{
    [Fact]
    public async Task OfficeFillsInPrintsAndMarksTheApologyLetterOfALateDossier()
    {
        var now = DateTimeOffset.UtcNow;
        var due = now.AddMinutes(-30);
        var imported = await app.Admin.PostAsJsonAsync("/api/v1/service-events", new[]
        {
            new { dossier = "HS-TRE-001", procedure = "Đăng ký khai sinh", kind = "received", counter = "Q02", officer = "CB-02", at = now.AddHours(-3).ToString("O"), due = due.ToString("O") },
        });
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var month = VietnamTime.MonthOf(due);

        var page = await app.SignedInPageAsync("truongbadinh");
        await page.GotoAsync($"/dossiers/late?month={month}");
        // The demo office has hundreds of late dossiers: the list is paged and searchable by code.
        Assert.InRange(await page.Locator("article.dossier").CountAsync(), 1, 25);
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Mã hồ sơ" }).FillAsync("HS-TRE-001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        await Expect(page.Locator("article.dossier")).ToHaveCountAsync(1);
        var card = page.Locator("#dossier-HS-TRE-001");
        await Expect(card).ToContainTextAsync("Đăng ký khai sinh");
        await Expect(card).ToContainTextAsync("Chưa trả");
        await Expect(card.Locator(".sent")).ToHaveTextAsync("Chưa gửi");

        // A new date before the original one is refused and said next to the dossier.
        await card.GetByLabel("Hẹn trả mới").FillAsync(VietnamTime.DayOf(due).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await card.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(page.Locator("#dossier-HS-TRE-001 [role=alert]")).ToContainTextAsync("Chưa lưu");

        var newDue = VietnamTime.DayOf(due).AddDays(3);
        card = page.Locator("#dossier-HS-TRE-001");
        await card.GetByLabel("Người nộp hồ sơ").FillAsync("Ông Trịnh Văn Quý");
        await card.GetByLabel("Hẹn trả mới").FillAsync(newDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await card.GetByLabel("Lý do trễ hạn").FillAsync("Chờ xác minh thông tin hộ tịch từ địa phương khác");
        await card.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(page.Locator("#dossier-HS-TRE-001").GetByLabel("Người nộp hồ sơ")).ToHaveValueAsync("Ông Trịnh Văn Quý");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#dossier-HS-TRE-001").GetByRole(AriaRole.Link, new() { Name = "Phiếu xin lỗi hồ sơ HS-TRE-001" }).ClickAsync());
        var path = await download.PathAsync();
        using (var pdf = PdfDocument.Open(path))
        {
            Assert.Equal(1, pdf.NumberOfPages);
            var text = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
            foreach (var expected in new[] { "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "HS-TRE-001", "Đăng ký khai sinh", "Ông Trịnh Văn Quý",
                VietnamTime.DayOf(due).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), newDue.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), "Chờ xác minh thông tin hộ tịch từ địa phương khác", "Trung tâm PVHCC" })
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }
        }
        File.Copy(path, Path.Combine(Artifacts.Directory, "apology-letter.pdf"), overwrite: true);
        await Screenshots.TakeAsync(page, "late-dossiers-desktop");

        await page.Locator("#dossier-HS-TRE-001").GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã gửi — HS-TRE-001" }).ClickAsync();
        await Expect(page.Locator("#dossier-HS-TRE-001 .sent")).ToContainTextAsync("truongbadinh");
        await Expect(page.Locator("#dossier-HS-TRE-001").GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã gửi — HS-TRE-001" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ADossierThatIsNotLateHasNoApologyLetter()
    {
        var now = DateTimeOffset.UtcNow;
        var imported = await app.Admin.PostAsJsonAsync("/api/v1/service-events", new[]
        {
            new { dossier = "HS-DUNG-HAN", procedure = "Đăng ký kết hôn", kind = "received", counter = "Q02", officer = "CB-02", at = now.AddHours(-1).ToString("O"), due = now.AddDays(5).ToString("O") },
        });
        imported.EnsureSuccessStatusCode();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await app.Admin.GetAsync("/api/v1/dossiers/HS-DUNG-HAN/apology-letter")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await app.Admin.PostAsync("/api/v1/dossiers/HS-DUNG-HAN/apology-letter/sent", null)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await app.Admin.GetAsync("/api/v1/dossiers/KHONG-CO/apology-letter")).StatusCode);
    }
}
