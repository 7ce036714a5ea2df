using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Access;

/// <summary>
/// A server with a small organisation (province PROV → units U-A (with child U-A1) and U-B; officers O-A, O-A1, O-B),
/// one rating attributed to O-A and one to O-B with an appeal each, and one signed-in client per role.
/// </summary>
internal sealed partial class AccessWorld : IAsyncDisposable
{
    public const string Password = "correct-horse-battery";

    private readonly Dictionary<string, long> _userIds = new(StringComparer.Ordinal);

    private AccessWorld(TestApp app) => App = app;

    public TestApp App { get; }

    public HttpClient Admin => App.Client;

    public long RatingOfA { get; private set; }

    public long RatingOfB { get; private set; }

    public long AppealOfA { get; private set; }

    public long AppealOfB { get; private set; }

    public long UserId(string name) => _userIds[name];

    public static async Task<AccessWorld> CreateAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Login:PasswordIterations"] = "1000" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }
        var world = new AccessWorld(new TestApp(all));
        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        await ImportAsync("units", "id,name,parent,validFrom\nPROV,Tỉnh,,2025-01-01\nU-A,Phường A,PROV,2025-01-01\nU-A1,Tổ A1,U-A,2025-01-01\nU-B,Xã B,PROV,2025-01-01\n");
        await ImportAsync("counters", "id,unit,name\nQ-A,U-A,Quầy A\nQ-B,U-B,Quầy B\n");
        await ImportAsync("officers", "id,name,unit\nO-A,Cán bộ A,U-A\nO-A1,Cán bộ A1,U-A1\nO-B,Cán bộ B,U-B\n");
        foreach (var (name, role, unit, officer) in new (string, string, string?, string?)[]
        {
            ("leader", "leader", null, null), ("head-a", "unit_head", "U-A", null), ("head-b", "unit_head", "U-B", null),
            ("officer-a", "officer", null, "O-A"), ("officer-b", "officer", null, "O-B"), ("admin2", "admin", null, null),
            ("gone", "officer", null, "O-A"), ("spare", "leader", null, null),
        })
        {
            var response = await Admin.PostAsJsonAsync("/api/v1/users", new { username = name, password = Password, role, unitId = unit, officerId = officer });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            _userIds[name] = (await response.Content.ReadFromJsonAsync<IdOnly>())!.Id;
        }
        // A late dossier at each unit's counter (due an hour ago, not completed), for the apology-letter routes.
        var now = DateTimeOffset.UtcNow;
        var late = await Admin.PostAsJsonAsync("/api/v1/service-events", new[]
        {
            new { dossier = "HS-LATE-A", kind = "received", counter = "Q-A", officer = "O-A", at = now.AddHours(-3).ToString("O"), due = now.AddHours(-1).ToString("O") },
            new { dossier = "HS-LATE-B", kind = "received", counter = "Q-B", officer = "O-B", at = now.AddHours(-3).ToString("O"), due = now.AddHours(-1).ToString("O") },
        });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var database = App.Services.GetRequiredService<Database>();
        using var c = database.Open();
        RatingOfA = InsertRating(c, "T-A", "Q-A", "O-A", 1);
        RatingOfB = InsertRating(c, "T-B", "Q-B", "O-B", 2);
        AppealOfA = await AppealAsync(RatingOfA, "O-A");
        AppealOfB = await AppealAsync(RatingOfB, "O-B");
    }

    private static long InsertRating(System.Data.Common.DbConnection c, string terminal, string counter, string officer, int seq)
    {
        var at = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        var id = (long)c.Scalar("""
            INSERT INTO ratings (terminal_id, boot, seq, scale, score, terminal_ts, occurred_at, received_at, clock_synced)
            VALUES ($t, 1, $seq, 5, 2, $at, $at, $at, 1) RETURNING id
            """, ("$t", terminal), ("$seq", seq), ("$at", at))!;
        c.Execute("INSERT INTO rating_attributions (rating_id, counter_id, day, officer_id, method, flags) VALUES ($id, $c, '2026-01-01', $o, 'shift', 0)",
            ("$id", id), ("$c", counter), ("$o", officer));
        return id;
    }

    private async Task<long> AppealAsync(long rating, string officer)
    {
        var response = await Admin.PostAsJsonAsync($"/api/v1/ratings/{rating}/appeals", new { officerId = officer, reason = "Tôi không phục vụ lượt này" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IdOnly>())!.Id;
    }

    private async Task ImportAsync(string what, string csv) =>
        (await Admin.PostAsync("/api/v1/import/" + what, new StringContent(csv, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();

    /// <summary>A browser-like client signed in through the login form.</summary>
    public async Task<HttpClient> SignInAsync(string username, string password = Password)
    {
        var client = App.CreateBrowserClient();
        var response = await PostLoginAsync(client, username, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login of {username}: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Fetches the form (for its antiforgery token) and posts it.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string username, string password, string? returnUrl = null)
    {
        var token = await FormTokenAsync(client, "/login");
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["username"] = username, ["password"] = password };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }
        return await client.PostAsync("/login", new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery token on " + path);
    }

    /// <summary>A client with <c>Authorization: Bearer</c>.</summary>
    public HttpClient TokenClient(string token)
    {
        var client = App.CreateBrowserClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Issues a token bound to an account (through the admin API).</summary>
    public async Task<(long Id, string Token)> IssueTokenAsync(string username)
    {
        var response = await Admin.PostAsJsonAsync($"/api/v1/users/{UserId(username)}/tokens", new { name = "script of " + username });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = (await response.Content.ReadFromJsonAsync<Issued>())!;
        return (issued.Id, issued.Token);
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private sealed record IdOnly(long Id);

    private sealed record Issued(long Id, string Token);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
