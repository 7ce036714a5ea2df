using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Feedback.Server.Tests.Access;

/// <summary>
/// The access-control matrix (docs/access.md): every mapped route × every kind of caller, with the expected
/// allow/deny per cell, including ids of other units' officers (IDOR) in pages, charts, exports, reports and APIs.
/// The routes come from the app's endpoint data source, so a route added without a matrix entry fails this test.
/// </summary>
public class AccessMatrixTests
{
    /// <summary>Callers, in the order of the expectation strings: 'y' = allowed, 'n' = denied.</summary>
    private static readonly string[] Callers =
        ["anonymous", "officer O-A", "head of U-B (other unit)", "head of U-A", "token of head of U-A", "leader", "admin", "admin token", "revoked token", "disabled user"];

    // Authenticated callers are refused with 403; these three are not authenticated at all (401 or the login page).
    private static readonly int[] Unauthenticated = [0, 8, 9];

    private const string Everyone = "yyyyyyyyyy";
    private const string SignedIn = "nyyyyyyynn";
    private const string SeesUnits = "nnyyyyyynn";
    private const string ScopeOfA = "nnnyyyyynn";        // U-A subtree: head of U-A, leader, admin
    private const string OfficerA = "nynyyyyynn";        // O-A: the officer themself and the above
    private const string ScopeOfB = "nnynnyyynn";        // U-B / O-B: head of U-B, leader, admin
    private const string Reader = "nnnnnyyynn";
    private const string AdminOnly = "nnnnnnyynn";

    /// <summary>A request to a route; <c>Form</c> posts a form without an antiforgery token, so an allowed caller gets 400 and changes nothing.</summary>
    private sealed record Probe(string Route, string Url, string Expect, object? Body = null, string? Csv = null, bool Form = false);

    private static List<Probe> Probes(AccessWorld w, string month)
    {
        var spare = w.UserId("spare");
        string M(string url) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "month=" + month;
        return
        [
            new("GET /healthz", "/healthz", Everyone),
            new("GET /openapi/{documentName}.json", "/openapi/v1.json", Everyone),
            new("GET /login", "/login", Everyone),
            new("POST /login", "/login", Everyone, Body: new { }),      // no antiforgery token: 400 for everyone, never 401/403
            new("POST /logout", "/logout", Everyone, Body: new { }),
            // Pages
            new("GET /", "/", SignedIn),
            new("GET /units/{id}", "/units/U-A", ScopeOfA),
            new("GET /units/{id}", "/units/U-A1", ScopeOfA),
            new("GET /units/{id}", "/units/U-B", ScopeOfB),
            new("GET /units/{id}", "/units/NO-SUCH-UNIT", "nnnnnyyynn"),
            new("GET /officers/{id}", "/officers/O-A", OfficerA),
            new("GET /officers/{id}", "/officers/O-A1", ScopeOfA),
            new("GET /officers/{id}", "/officers/O-B", ScopeOfB),
            new("GET /officers/{id}/ratings", "/officers/O-A/ratings", OfficerA),
            new("GET /officers/{id}/ratings", "/officers/O-B/ratings", ScopeOfB),
            new("POST /officers/{id}/ratings/{ratingId:long}/appeal", $"/officers/O-A/ratings/{w.RatingOfA}/appeal", "nynnnnnnnn", Form: true),
            new("POST /officers/{id}/ratings/{ratingId:long}/appeal", $"/officers/O-B/ratings/{w.RatingOfB}/appeal", "nnnnnnnnnn", Form: true),
            new("GET /appeals", "/appeals", SignedIn),
            new("POST /appeals/{id:long}/decision", $"/appeals/{w.AppealOfA}/decision", "nnnyynyynn", Form: true),
            new("POST /appeals/{id:long}/decision", $"/appeals/{w.AppealOfB}/decision", "nnynnnyynn", Form: true),
            new("GET /admin/users/", "/admin/users/", AdminOnly),
            new("POST /admin/users/", "/admin/users/", AdminOnly, Form: true),
            new("POST /admin/users/{id:long}/disable", $"/admin/users/{spare}/disable", AdminOnly, Form: true),
            new("POST /admin/users/{id:long}/enable", $"/admin/users/{spare}/enable", AdminOnly, Form: true),
            new("POST /admin/users/{id:long}/password", $"/admin/users/{spare}/password", AdminOnly, Form: true),
            new("GET /admin/organisation/", "/admin/organisation/", AdminOnly),
            new("POST /admin/organisation/units", "/admin/organisation/units", AdminOnly, Form: true),
            new("POST /admin/organisation/counters", "/admin/organisation/counters", AdminOnly, Form: true),
            new("POST /admin/organisation/officers", "/admin/organisation/officers", AdminOnly, Form: true),
            new("GET /admin/terminals/", "/admin/terminals/", AdminOnly),
            new("POST /admin/terminals/", "/admin/terminals/", AdminOnly, Form: true),
            new("POST /admin/terminals/{id}/secret", "/admin/terminals/T-PROBE/secret", AdminOnly, Form: true),
            new("POST /admin/terminals/{id}/counter", "/admin/terminals/T-PROBE/counter", AdminOnly, Form: true),
            new("GET /admin/settings/", "/admin/settings/", AdminOnly),
            // Charts, exports, report
            new("GET /api/v1/charts/{chart}", M("/api/v1/charts/units-satisfaction"), SeesUnits),
            new("GET /api/v1/charts/{chart}", M("/api/v1/charts/unit-trend?unit=U-A"), ScopeOfA),
            new("GET /api/v1/charts/{chart}", M("/api/v1/charts/unit-trend?unit=U-B"), ScopeOfB),
            new("GET /api/v1/charts/{chart}", M("/api/v1/charts/officer-trend?officer=O-A"), OfficerA),
            new("GET /api/v1/charts/{chart}", M("/api/v1/charts/officer-trend?officer=O-B"), ScopeOfB),
            new("GET /api/v1/charts/{chart}", M("/api/v1/charts/officer-criteria?officer=O-B"), ScopeOfB),
            new("GET /api/v1/charts/{chart}", M("/api/v1/charts/distribution?officer=O-A1"), ScopeOfA),
            new("GET /api/v1/charts/{chart}", M("/api/v1/charts/distribution"), Reader),
            new("GET /api/v1/exports/officers", M("/api/v1/exports/officers?format=csv"), SignedIn),
            new("GET /api/v1/exports/officers", M("/api/v1/exports/officers?format=xlsx&unit=U-A"), ScopeOfA),
            new("GET /api/v1/exports/officers", M("/api/v1/exports/officers?format=csv&unit=U-B"), ScopeOfB),
            new("GET /api/v1/exports/units", M("/api/v1/exports/units?format=csv"), SeesUnits),
            new("GET /api/v1/reports/monthly", M("/api/v1/reports/monthly"), Reader),
            new("GET /api/v1/reports/monthly", M("/api/v1/reports/monthly?unit=U-A"), ScopeOfA),
            new("GET /api/v1/reports/monthly", M("/api/v1/reports/monthly?unit=U-B"), ScopeOfB),
            // Evaluation, ratings, appeals
            new("GET /api/v1/evaluations/officers", M("/api/v1/evaluations/officers"), SignedIn),
            new("GET /api/v1/evaluations/officers", M("/api/v1/evaluations/officers?unit=U-B"), ScopeOfB),
            new("GET /api/v1/evaluations/units", M("/api/v1/evaluations/units"), SeesUnits),
            new("GET /api/v1/dossiers/late", M("/api/v1/dossiers/late"), Reader),
            new("GET /api/v1/ratings/{id:long}", $"/api/v1/ratings/{w.RatingOfA}", OfficerA),
            new("GET /api/v1/ratings/{id:long}", $"/api/v1/ratings/{w.RatingOfB}", ScopeOfB),
            new("GET /api/v1/ratings/{id:long}", "/api/v1/ratings/987654", Reader),
            new("POST /api/v1/ratings/{id:long}/appeals", $"/api/v1/ratings/{w.RatingOfA}/appeals", "nynnnnyynn", Body: new { officerId = "O-A", reason = "" }),
            new("POST /api/v1/ratings/{id:long}/appeals", $"/api/v1/ratings/{w.RatingOfB}/appeals", AdminOnly, Body: new { officerId = "O-B", reason = "" }),
            new("POST /api/v1/ratings/{id:long}/appeals", $"/api/v1/ratings/{w.RatingOfB}/appeals", AdminOnly, Body: new { officerId = "O-A", reason = "" }),
            new("GET /api/v1/appeals", "/api/v1/appeals", SignedIn),
            new("POST /api/v1/appeals/{id:long}/decision", $"/api/v1/appeals/{w.AppealOfA}/decision", "nnnyynyynn", Body: new { }),
            new("POST /api/v1/appeals/{id:long}/decision", $"/api/v1/appeals/{w.AppealOfB}/decision", "nnynnnyynn", Body: new { }),
            new("POST /api/v1/appeals/{id:long}/decision", "/api/v1/appeals/987654/decision", AdminOnly, Body: new { }),
            // Alerts and live streams
            new("GET /api/v1/alerts", "/api/v1/alerts", SeesUnits),
            new("GET /api/v1/alerts", "/api/v1/alerts?unit=U-B", ScopeOfB),
            new("GET /api/v1/alerts/stream", "/api/v1/alerts/stream", SeesUnits),
            new("GET /api/v1/ratings/stream", "/api/v1/ratings/stream", SeesUnits),
            // Live view (server-sent events start at once with a 'ready' event)
            new("GET /live", "/live", SeesUnits),
            new("GET /api/v1/live/terminals", "/api/v1/live/terminals", SeesUnits),
            new("GET /api/v1/live/ratings", "/api/v1/live/ratings", SeesUnits),
            new("GET /api/v1/live/alerts", "/api/v1/live/alerts", SeesUnits),
            // Late dossiers and apology letters: read by whoever sees the dossier's unit, recorded by admin and unit heads
            new("GET /dossiers/late/", "/dossiers/late", SeesUnits),
            new("GET /api/v1/dossiers/{code}/apology-letter", "/api/v1/dossiers/HS-LATE-A/apology-letter", ScopeOfA),
            new("GET /api/v1/dossiers/{code}/apology-letter", "/api/v1/dossiers/HS-LATE-B/apology-letter", ScopeOfB),
            new("GET /api/v1/dossiers/{code}/apology-letter", "/api/v1/dossiers/NO-SUCH/apology-letter", Reader),
            new("PUT /api/v1/dossiers/{code}/apology", "/api/v1/dossiers/HS-LATE-A/apology", "nnnyynyynn", Body: new { }),
            new("PUT /api/v1/dossiers/{code}/apology", "/api/v1/dossiers/HS-LATE-B/apology", "nnynnnyynn", Body: new { }),
            new("POST /api/v1/dossiers/{code}/apology-letter/sent", "/api/v1/dossiers/HS-LATE-A/apology-letter/sent", "nnnyynyynn", Body: new { }),
            new("POST /api/v1/dossiers/{code}/apology-letter/sent", "/api/v1/dossiers/HS-LATE-B/apology-letter/sent", "nnynnnyynn", Body: new { }),
            new("POST /dossiers/late/{code}", "/dossiers/late/HS-LATE-A", "nnnyynyynn", Body: new { }), // no antiforgery token: 400 when let in
            new("POST /dossiers/late/{code}/sent", "/dossiers/late/HS-LATE-B/sent", "nnynnnyynn", Body: new { }),
            // Whole-organisation reads
            new("GET /api/v1/ratings", "/api/v1/ratings", Reader),
            new("GET /api/v1/dossiers/{code}", "/api/v1/dossiers/HS-1", Reader),
            new("GET /api/v1/service-events", "/api/v1/service-events", Reader),
            new("GET /api/v1/units", "/api/v1/units", Reader),
            new("GET /api/v1/counters", "/api/v1/counters", Reader),
            new("GET /api/v1/officers", "/api/v1/officers", Reader),
            new("GET /api/v1/shifts/", "/api/v1/shifts/", Reader),
            new("GET /api/v1/timeseries/evaluation", M("/api/v1/timeseries/evaluation"), Reader),
            // Admin only
            new("GET /api/v1/timeseries/status", "/api/v1/timeseries/status", AdminOnly),
            new("GET /api/v1/ingest/rejections", "/api/v1/ingest/rejections", AdminOnly),
            new("POST /api/v1/terminals/", "/api/v1/terminals/", AdminOnly, Body: new { }),
            new("GET /api/v1/terminals/", "/api/v1/terminals/", AdminOnly),
            new("GET /api/v1/terminals/{id}", "/api/v1/terminals/T-A", AdminOnly),
            new("PUT /api/v1/terminals/{id}/counter", "/api/v1/terminals/T-X/counter", AdminOnly, Body: new { }),
            new("GET /api/v1/terminals/{id}/assignments", "/api/v1/terminals/T-A/assignments", AdminOnly),
            new("POST /api/v1/terminals/{id}/secret", "/api/v1/terminals/T-X/secret", AdminOnly, Body: new { }),
            new("POST /api/v1/units", "/api/v1/units", AdminOnly, Body: new { }),
            new("PUT /api/v1/units/{id}", "/api/v1/units/U-Z", AdminOnly, Body: new { }),
            new("POST /api/v1/counters", "/api/v1/counters", AdminOnly, Body: new { }),
            new("PUT /api/v1/counters/{id}", "/api/v1/counters/Q-Z", AdminOnly, Body: new { }),
            new("POST /api/v1/officers", "/api/v1/officers", AdminOnly, Body: new { }),
            new("PUT /api/v1/officers/{id}", "/api/v1/officers/O-Z", AdminOnly, Body: new { }),
            new("POST /api/v1/import/units", "/api/v1/import/units", AdminOnly, Csv: "id,name\n"),
            new("POST /api/v1/import/counters", "/api/v1/import/counters", AdminOnly, Csv: "id\n"),
            new("POST /api/v1/import/officers", "/api/v1/import/officers", AdminOnly, Csv: "id\n"),
            new("POST /api/v1/shifts/", "/api/v1/shifts/", AdminOnly, Body: new { }),
            new("POST /api/v1/shifts/{id:long}/end", "/api/v1/shifts/987654/end", AdminOnly, Body: new { }),
            new("POST /api/v1/service-events", "/api/v1/service-events", AdminOnly, Body: new[] { new { } }),
            new("POST /api/v1/import/service-events", "/api/v1/import/service-events", AdminOnly, Csv: "dossier\n"),
            new("POST /api/v1/dossiers/{code}/completed", "/api/v1/dossiers/HS-1/completed", AdminOnly, Body: new { }),
            new("GET /api/v1/users/", "/api/v1/users/", AdminOnly),
            new("POST /api/v1/users/", "/api/v1/users/", AdminOnly, Body: new { }),
            new("POST /api/v1/users/{id:long}/disable", $"/api/v1/users/{spare}/disable", AdminOnly, Body: new { }),
            new("POST /api/v1/users/{id:long}/enable", $"/api/v1/users/{spare}/enable", AdminOnly, Body: new { }),
            new("POST /api/v1/users/{id:long}/password", $"/api/v1/users/{spare}/password", AdminOnly, Body: new { }),
            new("GET /api/v1/users/{id:long}/tokens", $"/api/v1/users/{spare}/tokens", AdminOnly),
            new("POST /api/v1/users/{id:long}/tokens", $"/api/v1/users/{spare}/tokens", AdminOnly, Body: new { }),
            new("DELETE /api/v1/users/{id:long}/tokens/{tokenId:long}", $"/api/v1/users/{spare}/tokens/987654", AdminOnly),
        ];
    }

    [Fact]
    public async Task EveryRouteAnswersEveryCallerAsTheMatrixSays()
    {
        await using var world = await AccessWorld.CreateAsync();
        var month = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var probes = Probes(world, month);

        // Every mapped route has at least one probe, and every probe names a mapped route.
        var routes = world.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.Ordinal);
        var probed = probes.Select(p => p.Route).ToHashSet(StringComparer.Ordinal);
        Assert.True(routes.Count > 50, $"only {routes.Count} routes found");
        Assert.Empty(routes.Except(probed).Order());
        Assert.Empty(probed.Except(routes).Order());

        var clients = await CallersAsync(world);
        var failures = new List<string>();
        foreach (var probe in probes)
        {
            Assert.Equal(Callers.Length, probe.Expect.Length);
            for (var i = 0; i < Callers.Length; i++)
            {
                var (status, location) = await SendAsync(clients[i], probe);
                var denied = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || (status == HttpStatusCode.Redirect && location?.StartsWith("/login", StringComparison.Ordinal) == true)
                    || (status == HttpStatusCode.Redirect && location?.Contains("/login?", StringComparison.Ordinal) == true);
                var expectedDenial = Unauthenticated.Contains(i)
                    ? status is HttpStatusCode.Unauthorized || (status == HttpStatusCode.Redirect && location?.Contains("/login", StringComparison.Ordinal) == true)
                    : status is HttpStatusCode.Forbidden;
                var ok = probe.Expect[i] == 'y' ? !denied && (int)status < 500 : expectedDenial;
                if (!ok)
                {
                    failures.Add($"{probe.Route} {probe.Url} as {Callers[i]}: expected {(probe.Expect[i] == 'y' ? "allowed" : "denied")}, got {(int)status}{(location is null ? "" : " → " + location)}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<HttpClient[]> CallersAsync(AccessWorld w)
    {
        var (_, headToken) = await w.IssueTokenAsync("head-a");
        var (revokedId, revoked) = await w.IssueTokenAsync("head-a");
        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.DeleteAsync($"/api/v1/users/{w.UserId("head-a")}/tokens/{revokedId}")).StatusCode);
        var disabled = await w.SignInAsync("gone");
        Assert.Equal(HttpStatusCode.OK, (await disabled.GetAsync("/officers/O-A")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PostAsync($"/api/v1/users/{w.UserId("gone")}/disable", null)).StatusCode);
        return
        [
            w.App.CreateBrowserClient(),
            await w.SignInAsync("officer-a"),
            await w.SignInAsync("head-b"),
            await w.SignInAsync("head-a"),
            w.TokenClient(headToken),
            await w.SignInAsync("leader"),
            await w.SignInAsync("admin2"),
            w.TokenClient(Support.TestApp.AdminToken),
            w.TokenClient(revoked),
            disabled,
        ];
    }

    private static async Task<(HttpStatusCode Status, string? Location)> SendAsync(HttpClient client, Probe probe)
    {
        var method = new HttpMethod(probe.Route[..probe.Route.IndexOf(' ', StringComparison.Ordinal)]);
        using var request = new HttpRequestMessage(method, probe.Url);
        if (probe.Form)
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "x", ["accept"] = "true", ["username"] = "x", ["password"] = "0123456789ab" });
        }
        else if (probe.Csv is not null)
        {
            request.Content = new StringContent(probe.Csv, Encoding.UTF8, "text/csv");
        }
        else if (probe.Body is not null)
        {
            request.Content = JsonContent.Create(probe.Body, probe.Body.GetType());
        }
        if (!probe.Url.EndsWith("/stream", StringComparison.Ordinal) && !probe.Url.StartsWith("/api/v1/live/", StringComparison.Ordinal))
        {
            using var response = await client.SendAsync(request);
            return (response.StatusCode, response.Headers.Location?.OriginalString);
        }
        // A server-sent-event stream sends its headers with the first event, and none comes here; a refusal
        // (401/403) is answered at once. So a stream still open after a few seconds has been let in.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            return (response.StatusCode, response.Headers.Location?.OriginalString);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            return (HttpStatusCode.OK, null);
        }
    }
}
