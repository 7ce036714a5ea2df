using System.Net;
using System.Net.Http.Json;

namespace OneStop.Feedback.Server.Tests.Access;

/// <summary>The form pages: an officer appeals a rating, their unit head decides it; an admin manages accounts; forms without a token change nothing.</summary>
public class AccountPagesTests
{
    [Fact]
    public async Task AnOfficerAppealsThroughTheFormAndTheUnitHeadDecidesThroughTheirs()
    {
        await using var world = await AccessWorld.CreateAsync();
        // The world's appeals are decided first, so the ratings are free for a new appeal.
        foreach (var appeal in new[] { world.AppealOfA, world.AppealOfB })
        {
            (await world.Admin.PostAsJsonAsync($"/api/v1/appeals/{appeal}/decision", new { accept = false, reason = "setup" })).EnsureSuccessStatusCode();
        }
        using var officer = await world.SignInAsync("officer-a");
        using var head = await world.SignInAsync("head-a");

        var page = await officer.GetStringAsync("/officers/O-A/ratings");
        Assert.Contains($"action=\"/officers/O-A/ratings/{world.RatingOfA}/appeal?lang=vi\"", page, StringComparison.Ordinal);
        var token = await AccessWorld.FormTokenAsync(officer, "/officers/O-A/ratings");
        var filed = await officer.PostAsync($"/officers/O-A/ratings/{world.RatingOfA}/appeal", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["reason"] = "Lúc đó tôi nghỉ giải lao",
        }));
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.Contains("Đã gửi khiếu nại.", await officer.GetStringAsync("/officers/O-A/ratings?done=appeal"), StringComparison.Ordinal);

        var appeals = await head.GetStringAsync("/appeals");
        Assert.Contains("Lúc đó tôi nghỉ giải lao", appeals, StringComparison.Ordinal);
        var open = (await world.Admin.GetFromJsonAsync<List<AppealRow>>("/api/v1/appeals?status=open"))!.Single();
        var headToken = await AccessWorld.FormTokenAsync(head, "/appeals");
        var decided = await head.PostAsync($"/appeals/{open.Id}/decision", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = headToken,
            ["reason"] = "Đã xem sổ ca",
            ["accept"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var after = (await world.Admin.GetFromJsonAsync<List<AppealRow>>("/api/v1/appeals"))!.Single(a => a.Id == open.Id);
        Assert.Equal(("accepted", "head-a"), (after.Status, after.DecidedBy));
    }

    [Fact]
    public async Task AnAdminCreatesAndDisablesAccountsOnlyWithTheFormsToken()
    {
        await using var world = await AccessWorld.CreateAsync();
        using var admin = await world.SignInAsync("admin2");
        var spare = world.UserId("spare");

        var forged = await admin.PostAsync($"/admin/users/{spare}/disable", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AccessWorld.PostLoginAsync(world.App.CreateBrowserClient(), "spare", AccessWorld.Password)).StatusCode);

        var token = await AccessWorld.FormTokenAsync(admin, "/admin/users");
        var disabled = await admin.PostAsync($"/admin/users/{spare}/disable", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var created = await admin.PostAsync("/admin/users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["username"] = "head-a1",
            ["password"] = "a-long-password-1",
            ["role"] = "unit_head",
            ["unitId"] = "U-A1",
        }));
        var invalid = await admin.PostAsync("/admin/users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["username"] = "x",
            ["password"] = "short",
            ["role"] = "unit_head",
        }));

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccessWorld.PostLoginAsync(world.App.CreateBrowserClient(), "spare", AccessWorld.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("unitId: a unit head needs an existing unitId", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var headA1 = await world.SignInAsync("head-a1", "a-long-password-1");
        Assert.Equal(HttpStatusCode.OK, (await headA1.GetAsync("/units/U-A1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await headA1.GetAsync("/units/U-A")).StatusCode);
    }

    private sealed record AppealRow(long Id, string Status, string? DecidedBy);
}
