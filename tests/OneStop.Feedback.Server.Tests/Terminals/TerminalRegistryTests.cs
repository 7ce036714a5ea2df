using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using OneStop.Feedback.Server.Terminals;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Terminals;

public class TerminalRegistryTests
{
    /// <summary>The server under test; the PostgreSQL variant of this class overrides it.</summary>
    protected virtual TestApp NewApp(IDictionary<string, string?>? settings = null, bool withAdminToken = true) => new(settings, withAdminToken);

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/id")]
    [InlineData("plus+")]
    [InlineData("ĐàNẵng")]
    public async Task InvalidTerminalIdIsAValidationProblem(string id)
    {
        await using var app = NewApp();

        var response = await app.Client.PostAsJsonAsync("/api/v1/terminals", new { id, counterId = "Q1", name = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SecondTerminalWithTheSameIdIsAConflict()
    {
        await using var app = NewApp();
        await app.CreateTerminalAsync("T1");

        var response = await app.Client.PostAsJsonAsync("/api/v1/terminals", new { id = "T1", counterId = "Q2", name = "x" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task SecretIsShownOnceAndOnlyItsMosquittoHashIsStored()
    {
        await using var app = NewApp();
        var created = await app.CreateTerminalAsync("T1");

        var listed = await app.Client.GetStringAsync("/api/v1/terminals");
        using var db = app.Services.GetRequiredService<OneStop.Feedback.Server.Storage.Database>().Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT secret_hash FROM terminals WHERE id = 'T1'";
        var hash = (string)command.ExecuteScalar()!;

        Assert.Equal(32, created.Secret.Length);
        Assert.DoesNotContain(created.Secret, listed, StringComparison.Ordinal);
        Assert.StartsWith("$7$101$", hash, StringComparison.Ordinal);
        Assert.True(SecretHash.Verify(created.Secret, hash));
    }

    [Fact]
    public async Task RotatedSecretReplacesTheOldOneAndDisconnectsTheTerminal()
    {
        await using var app = NewApp();
        var old = await app.CreateTerminalAsync("T1");
        using var connected = await app.ConnectAsync(old);

        var rotated = await (await app.Client.PostAsync("/api/v1/terminals/T1/secret", null)).Content.ReadFromJsonAsync<TerminalCredentials>();

        await Poll.UntilAsync(() => Task.FromResult(connected.IsConnected), c => !c, TimeSpan.FromSeconds(10), "the old session to be dropped");
        using var probe = new MqttClientFactory().CreateMqttClient();
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, (await probe.ConnectAsync(app.ConnectOptions("T1", old.Secret))).ResultCode);
        using var fresh = await app.ConnectAsync(rotated!);
        Assert.True(fresh.IsConnected);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.PostAsync("/api/v1/terminals/nobody/secret", null)).StatusCode);
    }
}
