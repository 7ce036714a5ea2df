using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Terminals;
using OneStop.Feedback.Server.Tests.Access;

namespace OneStop.Feedback.Server.Tests.Admin;

/// <summary>
/// The admin pages in-process: organisation forms, terminal provisioning and secret rotation (secret shown once,
/// only its hash stored), the read-only settings, validation messages instead of errors, and 403 for non-admins.
/// </summary>
public partial class AdminPagesTests
{
    [Fact]
    public async Task AnAdminCreatesAUnitACounterAndAnOfficerThroughTheFormsAndSeesThemListed()
    {
        await using var world = await AccessWorld.CreateAsync();
        using var admin = await world.SignInAsync("admin2");
        var token = await AccessWorld.FormTokenAsync(admin, "/admin/organisation");

        var unit = await PostAsync(admin, "/admin/organisation/units", token, ("id", "U-C"), ("name", "Phường C mới"), ("parentId", "PROV"), ("validFrom", "2025-03-01"), ("requireServiceEvent", "true"));
        var counter = await PostAsync(admin, "/admin/organisation/counters", token, ("id", "Q-C"), ("name", "Quầy C1"), ("unitId", "U-C"));
        var officer = await PostAsync(admin, "/admin/organisation/officers", token, ("id", "O-C"), ("name", "Trần Thị C"), ("unitId", "U-C"), ("badgeUid", "04A1B2C3"));
        var renamed = await PostAsync(admin, "/admin/organisation/counters", token, ("id", "Q-C"), ("name", "Quầy C2"), ("unitId", "U-C"));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect], new[] { unit.StatusCode, counter.StatusCode, officer.StatusCode, renamed.StatusCode });
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/organisation"));
        Assert.Contains("Phường C mới", page, StringComparison.Ordinal);
        Assert.Contains("<td>Quầy C2</td><td>U-C</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Quầy C1", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">O-C</th><td>Trần Thị C</td><td>U-C</td><td>04A1B2C3</td>", page, StringComparison.Ordinal);
        // U-C is a child of PROV: one level deeper than the root in the tree.
        Assert.Contains("padding-left: 2rem\">Phường C mới</th>", page, StringComparison.Ordinal);
        Assert.Equal(
            ["counter.saved counter:Q-C", "counter.saved counter:Q-C", "officer.saved officer:O-C", "unit.saved unit:U-C"],
            Audit(world, "admin2").Where(a => a.EndsWith("-C", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task InvalidOrganisationInputShowsTheProblemsAndWritesNothing()
    {
        await using var world = await AccessWorld.CreateAsync();
        using var admin = await world.SignInAsync("admin2");
        var token = await AccessWorld.FormTokenAsync(admin, "/admin/organisation");

        var unit = await PostAsync(admin, "/admin/organisation/units", token, ("id", "U-X"), ("name", ""), ("parentId", "NOPE"), ("validFrom", "not-a-date"));
        var counter = await PostAsync(admin, "/admin/organisation/counters", token, ("id", "Q-X"), ("name", "Quầy X"), ("unitId", "U-NOPE"));
        var officer = await PostAsync(admin, "/admin/organisation/officers", token, ("id", "bad id with spaces"), ("name", "X"), ("unitId", "U-A"));

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], new[] { unit.StatusCode, counter.StatusCode, officer.StatusCode });
        var unitPage = WebUtility.HtmlDecode(await unit.Content.ReadAsStringAsync());
        Assert.Contains("validFrom: 'not-a-date' is not a date/time", unitPage, StringComparison.Ordinal);
        Assert.Contains("parentId: unit 'NOPE' does not exist", unitPage, StringComparison.Ordinal);
        Assert.Contains("name:", unitPage, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", unitPage, StringComparison.Ordinal);
        Assert.Contains("unitId:", WebUtility.HtmlDecode(await counter.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("id:", WebUtility.HtmlDecode(await officer.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var page = await admin.GetStringAsync("/admin/organisation");
        Assert.DoesNotContain("U-X", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Q-X", page, StringComparison.Ordinal);
        Assert.Empty(Audit(world, "admin2"));
    }

    [Fact]
    public async Task AProvisionedTerminalsSecretIsShownOnceAndOnlyItsHashIsStored()
    {
        await using var world = await AccessWorld.CreateAsync();
        using var admin = await world.SignInAsync("admin2");
        var token = await AccessWorld.FormTokenAsync(admin, "/admin/terminals");
        var registry = world.App.Services.GetRequiredService<TerminalRegistry>();

        var provisioned = await PostAsync(admin, "/admin/terminals", token, ("id", "T-NEW"), ("name", "Hộp quầy A"), ("counterId", "Q-A"));
        Assert.Equal(HttpStatusCode.OK, provisioned.StatusCode);
        Assert.True(provisioned.Headers.CacheControl?.NoStore);
        var html = WebUtility.HtmlDecode(await provisioned.Content.ReadAsStringAsync());
        var secret = Secret(html);
        Assert.Contains("MỘT LẦN", html, StringComparison.Ordinal);

        var stored = StoredHash(world, "T-NEW");
        Assert.NotEqual(secret, stored);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.True(SecretHash.Verify(secret, stored));
        Assert.True(registry.VerifySecret("T-NEW", secret));
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/terminals"));
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.Contains("<td>Q-A</td>", list, StringComparison.Ordinal);
        Assert.Contains("Ngoại tuyến", list, StringComparison.Ordinal);
        Assert.Contains("scale", list, StringComparison.Ordinal);

        var again = await PostAsync(admin, "/admin/terminals", token, ("id", "T-NEW"), ("counterId", "Q-A"));
        var badId = await PostAsync(admin, "/admin/terminals", token, ("id", "no spaces allowed"));
        var badCounter = await PostAsync(admin, "/admin/terminals", token, ("id", "T-OTHER"), ("counterId", "Q-NOPE"));
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], new[] { again.StatusCode, badId.StatusCode, badCounter.StatusCode });
        Assert.Contains("already exists", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(registry.Find("T-OTHER"));
        Assert.Equal(stored, StoredHash(world, "T-NEW"));
        Assert.Equal(["terminal.created terminal:T-NEW"], Audit(world, "admin2"));
    }

    [Fact]
    public async Task AnAdminRotatesASecretAndMovesATerminalToAnotherCounter()
    {
        await using var world = await AccessWorld.CreateAsync();
        using var admin = await world.SignInAsync("admin2");
        var token = await AccessWorld.FormTokenAsync(admin, "/admin/terminals");
        var registry = world.App.Services.GetRequiredService<TerminalRegistry>();
        var first = Secret(await (await PostAsync(admin, "/admin/terminals", token, ("id", "T-ROT"), ("counterId", "Q-A"))).Content.ReadAsStringAsync());

        var rotated = await PostAsync(admin, "/admin/terminals/T-ROT/secret", token);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var html = WebUtility.HtmlDecode(await rotated.Content.ReadAsStringAsync());
        var second = Secret(html);
        Assert.Contains("khóa cũ hết hiệu lực", html, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.False(registry.VerifySecret("T-ROT", first));
        Assert.True(registry.VerifySecret("T-ROT", second));
        Assert.DoesNotContain(second, await admin.GetStringAsync("/admin/terminals"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(admin, "/admin/terminals/T-NONE/secret", token)).StatusCode);

        var moved = await PostAsync(admin, "/admin/terminals/T-ROT/counter", token, ("counterId", "Q-B"));
        var nowhere = await PostAsync(admin, "/admin/terminals/T-ROT/counter", token, ("counterId", "Q-NOPE"));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        Assert.Contains("counter 'Q-NOPE' does not exist", WebUtility.HtmlDecode(await nowhere.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("Q-B", registry.Find("T-ROT")!.CounterId);
        Assert.Equal(["Q-A", "Q-B"], registry.Assignments("T-ROT").Select(a => a.CounterId).ToArray());
        Assert.Equal(
            ["terminal.assigned terminal:T-ROT", "terminal.created terminal:T-ROT", "terminal.secret_rotated terminal:T-ROT"],
            Audit(world, "admin2").Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task TheSettingsPageShowsTheConfiguredValuesWithTheirKeysInBothLanguages()
    {
        await using var world = await AccessWorld.CreateAsync(new Dictionary<string, string?> { ["Evaluation:MinRatings"] = "12", ["Alerts:LowShare"] = "0.4" });
        using var admin = await world.SignInAsync("admin2");

        var vi = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/settings"));
        var en = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/settings?lang=en"));

        Assert.Contains("<code>Evaluation:MinRatings</code></th><td>12</td>", vi, StringComparison.Ordinal);
        Assert.Contains("<code>Alerts:LowShare</code></th><td>0.4</td>", vi, StringComparison.Ordinal);
        Assert.Contains("<code>Evaluation:SatisfiedShareWeight</code></th><td>0.5</td>", vi, StringComparison.Ordinal);
        Assert.Contains("<code>Attribution:WindowMinutes</code></th><td>10</td>", vi, StringComparison.Ordinal);
        Assert.Contains("khởi động lại máy chủ", vi, StringComparison.Ordinal);
        Assert.Contains("restart the server", en, StringComparison.Ordinal);
        Assert.DoesNotContain("<form class=\"stack\"", vi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAdminsSeeTheAdminPagesAndTheirLinks()
    {
        await using var world = await AccessWorld.CreateAsync();
        using var head = await world.SignInAsync("head-a");
        using var leader = await world.SignInAsync("leader");
        using var admin = await world.SignInAsync("admin2");
        var adminToken = await AccessWorld.FormTokenAsync(admin, "/admin/organisation");
        var headToken = await AccessWorld.FormTokenAsync(head, "/units/U-A");

        foreach (var path in new[] { "/admin/organisation", "/admin/terminals", "/admin/settings" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
        }
        var forbidden = await PostAsync(head, "/admin/terminals", headToken, ("id", "T-HEAD"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Null(world.App.Services.GetRequiredService<TerminalRegistry>().Find("T-HEAD"));
        Assert.NotEmpty(adminToken);

        var headPage = await head.GetStringAsync("/units/U-A");
        var adminPage = await admin.GetStringAsync("/");
        foreach (var link in new[] { "href=\"/admin/organisation?", "href=\"/admin/terminals?", "href=\"/admin/settings?" })
        {
            Assert.DoesNotContain(link, headPage, StringComparison.Ordinal);
            Assert.Contains(link, adminPage, StringComparison.Ordinal);
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string token, params (string Name, string Value)[] fields)
    {
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }
        return client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    private static string Secret(string html) =>
        SecretCode().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no secret on the page");

    private static string StoredHash(AccessWorld world, string terminal)
    {
        using var c = world.App.Services.GetRequiredService<Database>().Open();
        return (string)c.Scalar("SELECT secret_hash FROM terminals WHERE id = $id", ("$id", terminal))!;
    }

    /// <summary>"action subject" of the audit rows written by an actor.</summary>
    private static List<string> Audit(AccessWorld world, string actor)
    {
        using var c = world.App.Services.GetRequiredService<Database>().Open();
        return c.Query("SELECT action, subject FROM audit_log WHERE actor = $actor AND action NOT LIKE 'login.%' ORDER BY id", r => r.GetString(0) + " " + r.GetString(1), ("$actor", actor));
    }

    [GeneratedRegex("<code id=\"issued-secret\">([A-Za-z0-9_-]+)</code>")]
    private static partial Regex SecretCode();
}
