using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Feedback.Server.Access;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Access;

/// <summary>Sign-in: lockout and its end, the per-address rate limit, antiforgery, cookie flags, hashes at rest, audit.</summary>
public class LoginTests
{
    [Fact]
    public async Task RepeatedWrongPasswordsLockTheAccountUntilTheLockEnds()
    {
        await using var world = await AccessWorld.CreateAsync(new Dictionary<string, string?> { ["Login:LockoutFailures"] = "3", ["Login:LockoutSeconds"] = "3" });
        using var client = world.App.CreateBrowserClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await AccessWorld.PostLoginAsync(client, "leader", "wrong-password-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccessWorld.PostLoginAsync(client, "leader", "wrong-password-2")).StatusCode);
        var third = await AccessWorld.PostLoginAsync(client, "leader", "wrong-password-3");
        var locked = await AccessWorld.PostLoginAsync(client, "leader", AccessWorld.Password);

        Assert.Equal(HttpStatusCode.Locked, third.StatusCode);
        Assert.Equal(HttpStatusCode.Locked, locked.StatusCode);   // even the right password while locked
        Assert.Contains("Tài khoản tạm khoá", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Other accounts are not affected.
        Assert.Equal(HttpStatusCode.Redirect, (await AccessWorld.PostLoginAsync(world.App.CreateBrowserClient(), "head-a", AccessWorld.Password)).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            await Task.Delay(250);
            status = (await AccessWorld.PostLoginAsync(client, "leader", AccessWorld.Password)).StatusCode;
        }
        while (status == HttpStatusCode.Locked && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.Redirect, status);

        var actions = Audit(world, "user:leader");
        Assert.Equal(2, actions.Count(a => a == "login.failed"));
        Assert.Contains("login.lockout", actions);
        Assert.Contains("login.locked", actions);
        Assert.Equal("login.succeeded", actions[^1]);
    }

    [Fact]
    public async Task LoginAttemptsAreRateLimitedPerAddress()
    {
        await using var world = await AccessWorld.CreateAsync(new Dictionary<string, string?> { ["Login:AttemptsPerIpPerMinute"] = "3" });
        using var client = world.App.CreateBrowserClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await AccessWorld.PostLoginAsync(client, "nobody-" + i, "wrong-password")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task FormPostsWithoutAValidAntiforgeryTokenAreRejected()
    {
        await using var world = await AccessWorld.CreateAsync();
        using var attacker = world.App.CreateBrowserClient();
        var foreignToken = await AccessWorld.FormTokenAsync(attacker, "/login");
        using var victim = await world.SignInAsync("head-a");

        var noToken = await victim.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "leader", ["password"] = AccessWorld.Password }));
        var wrongToken = await world.App.CreateBrowserClient().PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = foreignToken,
            ["username"] = "leader",
            ["password"] = AccessWorld.Password,
        }));
        var logout = await victim.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (noToken.StatusCode, wrongToken.StatusCode, logout.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/units/U-A")).StatusCode);   // the forged logout did nothing

        // The real form (token from the page) signs out.
        var token = await AccessWorld.FormTokenAsync(victim, "/units/U-A");
        var real = await victim.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await victim.GetAsync("/units/U-A")).StatusCode);
        Assert.Contains("logout", Audit(world, "user:head-a"));
    }

    [Fact]
    public async Task SessionCookieIsHttpOnlyStrictAndSecureOverHttps()
    {
        await using var world = await AccessWorld.CreateAsync();

        var http = await AccessWorld.PostLoginAsync(world.App.CreateBrowserClient(), "leader", AccessWorld.Password);
        var https = await AccessWorld.PostLoginAsync(world.App.CreateBrowserClient("https://localhost"), "leader", AccessWorld.Password);

        var plain = SessionCookie(http);
        var secure = SessionCookie(https);
        Assert.Contains("httponly", plain, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", plain, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", plain.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", secure, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", secure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LoginGoesBackToTheAskedPageButNeverToAnotherSite()
    {
        await using var world = await AccessWorld.CreateAsync();
        using var client = world.App.CreateBrowserClient();

        var page = await client.GetAsync("/units/U-A?month=2026-11");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/login?ReturnUrl=", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/evaluations/units?month=2026-11")).StatusCode);

        var back = await AccessWorld.PostLoginAsync(client, "head-a", AccessWorld.Password, "/units/U-A?month=2026-11");
        var evil = await AccessWorld.PostLoginAsync(world.App.CreateBrowserClient(), "head-a", AccessWorld.Password, "//evil.example/");

        Assert.Equal("/units/U-A?month=2026-11", back.Headers.Location!.OriginalString);
        Assert.Equal("/", evil.Headers.Location!.OriginalString);
        var again = await client.GetAsync("/login?lang=vi");   // already signed in: goes on
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task LoginFormHasStableFieldsInVietnameseAndEnglish()
    {
        await using var world = await AccessWorld.CreateAsync();
        using var client = world.App.CreateBrowserClient();

        var vi = await client.GetStringAsync("/login");
        var en = await client.GetStringAsync("/login?lang=en");

        Assert.Contains("<input id=\"username\" name=\"username\"", vi, StringComparison.Ordinal);
        Assert.Contains("<input id=\"password\" name=\"password\" type=\"password\"", vi, StringComparison.Ordinal);
        Assert.Contains(">Đăng nhập</button>", vi, StringComparison.Ordinal);
        Assert.Contains("<label for=\"username\">Tên đăng nhập</label>", vi, StringComparison.Ordinal);
        Assert.Contains(">Sign in</button>", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordsAndTokensAreStoredOnlyAsHashes()
    {
        await using var world = await AccessWorld.CreateAsync();
        const string password = "plaintext-password-Đ-42";
        var created = await world.Admin.PostAsJsonAsync("/api/v1/users", new { username = "hashcheck", password, role = "leader" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var (_, token) = await world.IssueTokenAsync("head-a");
        Assert.Equal(HttpStatusCode.OK, (await world.TokenClient(token).GetAsync("/units/U-A")).StatusCode);

        var database = world.App.Services.GetRequiredService<Database>();
        string hash;
        using (var c = database.Open())
        {
            hash = (string)c.Scalar("SELECT password_hash FROM users WHERE username = 'hashcheck'")!;
            c.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        var bytes = File.ReadAllBytes(Path.Combine(world.App.DataDirectory, "onestop.db"));
        var wal = Path.Combine(world.App.DataDirectory, "onestop.db-wal");
        var all = Encoding.UTF8.GetString(bytes) + (File.Exists(wal) ? Encoding.UTF8.GetString(File.ReadAllBytes(wal)) : "");

        Assert.StartsWith("pbkdf2-sha256$1000$", hash, StringComparison.Ordinal);
        Assert.Contains(hash, all, StringComparison.Ordinal);       // the file really is what we read
        Assert.DoesNotContain(password, all, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessWorld.Password, all, StringComparison.Ordinal);
        Assert.DoesNotContain(token, all, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApp.AdminToken, all, StringComparison.Ordinal);
        Assert.Contains(SecretHashOf(token), all, StringComparison.Ordinal);
        // Two accounts with the same password have different hashes (per-user salt).
        using (var c = database.Open())
        {
            Assert.Equal(8L, c.Scalar("SELECT count(DISTINCT password_hash) FROM users WHERE username IN ('leader','head-a','head-b','officer-a','officer-b','admin2','gone','spare')"));
        }
    }

    [Fact]
    public async Task PasswordResetAndDisablingEndSessionsAndBoundTokens()
    {
        await using var world = await AccessWorld.CreateAsync();
        using var session = await world.SignInAsync("head-a");
        var (_, token) = await world.IssueTokenAsync("head-a");
        using var script = world.TokenClient(token);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/units/U-A")).StatusCode);

        var reset = await world.Admin.PostAsJsonAsync($"/api/v1/users/{world.UserId("head-a")}/password", new { password = "a-new-password-77" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/units/U-A")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/units/U-A")).StatusCode);   // a token is not a password
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccessWorld.PostLoginAsync(world.App.CreateBrowserClient(), "head-a", AccessWorld.Password)).StatusCode);
        using var again = await world.SignInAsync("head-a", "a-new-password-77");

        await world.Admin.PostAsync($"/api/v1/users/{world.UserId("head-a")}/disable", null);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/units/U-A")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/evaluations/units?month=2026-11")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccessWorld.PostLoginAsync(world.App.CreateBrowserClient(), "head-a", "a-new-password-77")).StatusCode);
        Assert.Contains("user.disabled", Audit(world, "user:head-a"));
        Assert.Contains("user.password_reset", Audit(world, "user:head-a"));
    }

    [Fact]
    public async Task WithoutConfiguredPasswordTheFirstAdminGetsAGeneratedOneInAPrivateFile()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Login:PasswordIterations"] = "1000" });
        var file = Path.Combine(app.DataDirectory, UserStore.PasswordFileName);

        var password = (await File.ReadAllTextAsync(file)).Trim();
        using var client = app.CreateBrowserClient();
        var login = await AccessWorld.PostLoginAsync(client, "admin", password);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.True(password.Length >= 16, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users")).StatusCode);
        // A restart with accounts in place creates nothing and keeps the file.
        app.Services.GetRequiredService<UserStore>().EnsureAdmin();
        Assert.Equal(password, (await File.ReadAllTextAsync(file)).Trim());
        Assert.Single(app.Services.GetRequiredService<UserStore>().List());
    }

    private static string SessionCookie(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccessExtensions.CookieName + "=", StringComparison.Ordinal));
    }

    private static string SecretHashOf(string token) => OneStop.Feedback.Server.Terminals.SecretHash.TokenHash(token);

    private static List<string> Audit(AccessWorld world, string subject)
    {
        using var c = world.App.Services.GetRequiredService<Database>().Open();
        return c.Query("SELECT action FROM audit_log WHERE subject = $s ORDER BY id", r => r.GetString(0), ("$s", subject));
    }
}
