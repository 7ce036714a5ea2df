using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Feedback.Server.Access;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Api;

public class AccessTests
{
    /// <summary>The server under test; the PostgreSQL variant of this class overrides it.</summary>
    protected virtual TestApp NewApp(IDictionary<string, string?>? settings = null, bool withAdminToken = true) => new(settings, withAdminToken);

    [Fact]
    public async Task HealthzAnswersWithoutToken()
    {
        await using var app = NewApp();
        using var anonymous = app.CreateAnonymousClient();

        var response = await anonymous.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"storage\":\"ok\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/terminals")]
    [InlineData("/api/v1/ratings")]
    [InlineData("/api/v1/ingest/rejections")]
    public async Task ApiRefusesMissingOrWrongToken(string path)
    {
        await using var app = NewApp();
        using var anonymous = app.CreateAnonymousClient();
        using var wrong = app.CreateAnonymousClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "nope");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task WithoutConfiguredTokenOneIsGeneratedOnceIntoAPrivateFile()
    {
        await using var app = NewApp(withAdminToken: false);
        var file = Path.Combine(app.DataDirectory, ApiTokenStore.TokenFileName);

        var token = (await File.ReadAllTextAsync(file)).Trim();
        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/terminals")).StatusCode);
        // A second start on the same data keeps the token (the file is not rewritten).
        app.Services.GetRequiredService<ApiTokenStore>().EnsureAdminToken();
        Assert.Equal(token, (await File.ReadAllTextAsync(file)).Trim());
    }

    [Fact]
    public async Task ResponsesCarrySecurityHeaders()
    {
        await using var app = NewApp();

        var api = await app.Client.GetAsync("/api/v1/terminals");
        var denied = await app.CreateAnonymousClient().GetAsync("/api/v1/ratings");

        foreach (var response in new[] { api, denied })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
        Assert.True(api.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task OpenApiDocumentListsTheEndpoints()
    {
        await using var app = NewApp();

        var json = await app.Client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/terminals", json, StringComparison.Ordinal);
        Assert.Contains("/api/v1/ratings", json, StringComparison.Ordinal);
    }
}
