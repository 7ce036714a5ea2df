using System.Net;
using System.Net.Http.Json;
using System.Text;
using OneStop.Feedback.Server.Dossiers;
using OneStop.Feedback.Server.Organisation;
using OneStop.Feedback.Server.Terminals;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Api;

/// <summary>
/// Hostile text in every free-text field of the reference data and the APIs: SQL, HTML and script injection and
/// odd Unicode are stored verbatim (SQL is built only with parameters), come back verbatim as JSON, and are
/// escaped where a page renders them. Secrets never reach the database file in clear.
/// </summary>
public class HostileInputTests
{
    /// <summary>One hostile string per field, so a value that shows up in the wrong field is caught too.</summary>
    private static string Hostile(string field) =>
        $"{field}'); DROP TABLE ratings; -- <script>alert('{field}')</script> \" onmouseover=\"x\" & {{{{x}}}} \u202Eevil\u202C Ng\u0075\u0323\u0302yễn 👮🏽‍♀️ 漢字 \u200B";

    [Fact]
    public async Task HostileNamesAreStoredVerbatimAndRenderedEscaped()
    {
        await using var app = new TestApp();
        string unit = Hostile("unit"), counter = Hostile("counter"), officer = Hostile("officer"), terminal = Hostile("terminal"), procedure = Hostile("procedure");
        const string dossier = "HS-'; DROP TABLE dossiers;--<b>\u202E";

        await PostOkAsync(app, "/api/v1/units", new { id = "U-X", name = unit, validFrom = "2025-07-01T00:00:00+07:00" });
        await PostOkAsync(app, "/api/v1/counters", new { id = "Q-X", unitId = "U-X", name = counter });
        await PostOkAsync(app, "/api/v1/officers", new { id = "CB-X", name = officer, unitId = "U-X" });
        await PostOkAsync(app, "/api/v1/terminals", new { id = "T-X", counterId = "Q-X", name = terminal });
        await PostOkAsync(app, "/api/v1/service-events", new[]
        {
            new { dossier, procedure, kind = "received", counter = "Q-X", officer = "CB-X", at = "2026-11-05 08:30", due = "2026-11-10 17:00" },
        });

        // Stored and returned verbatim.
        Assert.Equal(unit, (await app.Client.GetFromJsonAsync<List<UnitRecord>>("/api/v1/units"))!.Single(u => u.Id == "U-X").Name);
        Assert.Equal(counter, (await app.Client.GetFromJsonAsync<List<CounterRecord>>("/api/v1/counters"))!.Single(c => c.Id == "Q-X").Name);
        Assert.Equal(officer, (await app.Client.GetFromJsonAsync<List<OfficerRecord>>("/api/v1/officers"))!.Single(o => o.Id == "CB-X").Name);
        Assert.Equal(terminal, (await app.Client.GetFromJsonAsync<TerminalView>("/api/v1/terminals/T-X"))!.Name);
        var stored = await app.Client.GetFromJsonAsync<DossierView>("/api/v1/dossiers/" + Uri.EscapeDataString(dossier));
        Assert.Equal((dossier, procedure), (stored!.Code, stored.Procedure));
        // The tables the injected SQL named are still there.
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/v1/ratings")).StatusCode);
        Assert.Single((await app.Client.GetFromJsonAsync<List<ServiceEventView>>("/api/v1/service-events?counter=Q-X"))!);

        // Rendered escaped: the unit page shows the unit's and its officer's names as text, never as markup.
        var page = await app.Client.GetAsync("/units/U-X");
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, html);
        Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\" onmouseover=\"x\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        Assert.Contains(unit, WebUtility.HtmlDecode(html), StringComparison.Ordinal); // all of it, as text
    }

    [Fact]
    public async Task SecretsAndTokensAreOnlyStoredHashed()
    {
        await using var app = new TestApp();
        var terminal = await app.CreateTerminalAsync("HASH-1");
        var rotated = await (await app.Client.PostAsync("/api/v1/terminals/HASH-1/secret", null)).Content.ReadFromJsonAsync<TerminalCredentials>();
        Assert.NotEqual(terminal.Secret, rotated!.Secret);

        // Every byte of the data folder (database, WAL, anything else), searched for the clear texts.
        var files = Directory.GetFiles(app.DataDirectory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("onestop.db", StringComparison.Ordinal));
        foreach (var secret in new[] { TestApp.AdminToken, terminal.Secret, rotated.Secret })
        {
            var needle = Encoding.UTF8.GetBytes(secret);
            foreach (var file in files)
            {
                byte[] bytes;
                using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                using (var copy = new MemoryStream())
                {
                    await stream.CopyToAsync(copy);
                    bytes = copy.ToArray();
                }
                Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"'{secret[..4]}…' found in clear in {Path.GetFileName(file)}");
            }
        }
        // The hashes are there and work: the rotated secret connects, the old one does not.
        using var client = await app.ConnectAsync(rotated);
        Assert.True(client.IsConnected);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.ConnectAsync(terminal));
    }

    private static async Task PostOkAsync(TestApp app, string path, object body)
    {
        var response = await app.Client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>The security headers on every kind of response the server gives, not only JSON.</summary>
public class SecurityHeaderCoverageTests
{
    [Theory]
    [InlineData("/api/v1/terminals", "application/json", true)] // JSON 200
    [InlineData("/api/v1/ratings?limit=0", "application/problem+json", true)] // 400 validation problem
    [InlineData("/api/v1/terminals/NOPE", null, true)] // 404 from an endpoint
    [InlineData("/no/such/path", null, true)] // 404 from routing
    [InlineData("/api/v1/ratings", null, false)] // 401
    [InlineData("/healthz", "application/json", false)]
    [InlineData("/openapi/v1.json", "application/json", true)]
    [InlineData("/", "text/html", true)] // dashboard page
    [InlineData("/api/v1/charts/units-satisfaction?month={month}", "image/png", true)]
    [InlineData("/api/v1/exports/units?format=csv&month={month}", "text/csv", true)]
    [InlineData("/api/v1/exports/units?format=xlsx&month={month}", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", true)]
    [InlineData("/api/v1/reports/monthly?month={month}", "application/pdf", true)]
    public async Task EveryResponseTypeCarriesTheSecurityHeaders(string path, string? contentType, bool withToken)
    {
        await using var app = new TestApp();
        using var anonymous = app.CreateAnonymousClient();

        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        path = path.Replace("{month}", month, StringComparison.Ordinal);

        using var response = await (withToken ? app.Client : anonymous).GetAsync(path);

        if (contentType is not null)
        {
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.True(response.Headers.CacheControl?.NoStore == true || response.Headers.CacheControl?.Private == true, $"{path}: Cache-Control {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task TheLiveStreamCarriesTheSecurityHeaders()
    {
        await using var app = new TestApp();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ratings/stream");
        using var response = await app.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
