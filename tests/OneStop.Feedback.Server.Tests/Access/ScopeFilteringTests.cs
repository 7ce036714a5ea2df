using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace OneStop.Feedback.Server.Tests.Access;

/// <summary>Allowed answers hold only the caller's scope: rows of exports and JSON lists, appeals, the overview.</summary>
public class ScopeFilteringTests
{
    private static readonly string Month = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ListsAndExportsHoldOnlyTheCallersUnitsAndOfficers()
    {
        await using var world = await AccessWorld.CreateAsync();
        using var head = await world.SignInAsync("head-a");
        using var officer = await world.SignInAsync("officer-a");
        using var leader = await world.SignInAsync("leader");

        var headCsv = await head.GetStringAsync($"/api/v1/exports/officers?month={Month}&format=csv");
        var officerCsv = await officer.GetStringAsync($"/api/v1/exports/officers?month={Month}&format=csv");
        var leaderCsv = await leader.GetStringAsync($"/api/v1/exports/officers?month={Month}&format=csv");
        var headUnits = await head.GetStringAsync($"/api/v1/exports/units?month={Month}&format=csv");

        Assert.Equal(["O-A", "O-A1"], Ids(headCsv));
        Assert.Equal(["O-A"], Ids(officerCsv));
        Assert.Equal(["O-A", "O-A1", "O-B"], Ids(leaderCsv));
        Assert.Equal(["U-A", "U-A1"], Ids(headUnits));

        var evaluations = await head.GetFromJsonAsync<List<Row>>($"/api/v1/evaluations/officers?month={Month}");
        Assert.Equal(["O-A", "O-A1"], evaluations!.Select(r => r.OfficerId).Order().ToList());
        var appeals = await head.GetFromJsonAsync<List<AppealRow>>("/api/v1/appeals");
        Assert.Equal([world.AppealOfA], appeals!.Select(a => a.Id).ToList());
        var own = await officer.GetFromJsonAsync<List<AppealRow>>("/api/v1/appeals");
        Assert.Equal([world.AppealOfA], own!.Select(a => a.Id).ToList());
    }

    [Fact]
    public async Task PagesShowOnlyTheScopeAndTheNavigationTheRoleMayUse()
    {
        await using var world = await AccessWorld.CreateAsync();
        using var head = await world.SignInAsync("head-a");
        using var officer = await world.SignInAsync("officer-a");
        using var admin = await world.SignInAsync("admin2");

        var overview = await head.GetStringAsync($"/?month={Month}");
        var home = await officer.GetAsync("/");
        var adminPage = await admin.GetStringAsync($"/?month={Month}");

        Assert.Contains("Phường A", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("Xã B", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/users", overview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/officers/O-A", home.Headers.Location!.OriginalString);
        Assert.Contains("Xã B", adminPage, StringComparison.Ordinal);
        Assert.Contains("/admin/users", adminPage, StringComparison.Ordinal);
        var scorecard = await officer.GetStringAsync($"/officers/O-A?month={Month}");
        Assert.DoesNotContain(">Tổng quan<", scorecard, StringComparison.Ordinal);
        Assert.Contains("Phiếu đánh giá của tôi", scorecard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerAppealsOnlyTheirOwnRatingsAndTheirUnitHeadDecides()
    {
        await using var world = await AccessWorld.CreateAsync();
        using var officer = await world.SignInAsync("officer-a");
        using var headA = await world.SignInAsync("head-a");
        using var headB = await world.SignInAsync("head-b");
        var decision = new { accept = true, reason = "Đã xác minh" };

        var foreign = await officer.PostAsJsonAsync($"/api/v1/ratings/{world.RatingOfB}/appeals", new { officerId = "O-A", reason = "không phải tôi" });
        var otherHead = await headB.PostAsJsonAsync($"/api/v1/appeals/{world.AppealOfA}/decision", decision);
        var rightHead = await headA.PostAsJsonAsync($"/api/v1/appeals/{world.AppealOfA}/decision", decision);

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherHead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightHead.StatusCode);
        var decided = await rightHead.Content.ReadFromJsonAsync<AppealRow>();
        Assert.Equal("accepted", decided!.Status);
        Assert.Equal("head-a", decided.DecidedBy);
    }

    private static List<string> Ids(string csv) =>
        csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal).ToList();

    private sealed record Row(string OfficerId);

    private sealed record AppealRow(long Id, string Status, string? DecidedBy);
}
