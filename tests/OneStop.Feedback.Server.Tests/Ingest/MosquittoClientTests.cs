using OneStop.Feedback.Server.Protocol;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Ingest;

/// <summary>The same publishes through Mosquitto's own command-line client, as an outside MQTT implementation.</summary>
public class MosquittoClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static Task<(int ExitCode, string Output)> PubAsync(TestApp app, string user, string password, string topic, string message, bool v5 = false)
    {
        var args = new List<string> { "-h", "127.0.0.1", "-p", app.MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-q", "1", "-u", user, "-P", password, "-t", topic, "-m", message };
        if (v5)
        {
            args.AddRange(["-V", "mqttv5"]);
        }
        return Tools.RunAsync(Tools.Require("mosquitto_pub", "mosquitto-clients"), args, Timeout);
    }

    [Fact]
    public async Task MosquittoPubRatingIsStoredOnceAndAMalformedOneIsRejected()
    {
        await using var app = new TestApp();
        var t = await app.CreateTerminalAsync("T");
        var rating = TestApp.Rating(1, 1, TestApp.NowMs);

        // No client id given (-i): mosquitto_pub leaves it to the broker under MQTT 3.1.1.
        var first = await PubAsync(app, "T", t.Secret, "onestop/v1/t/T/rating", rating);
        var again = await PubAsync(app, "T", t.Secret, "onestop/v1/t/T/rating", rating);
        var bad = await PubAsync(app, "T", t.Secret, "onestop/v1/t/T/rating", "{\"v\":1,\"boot\":1,\"seq\":2}");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.True(bad.ExitCode == 0, bad.Output);
        Assert.Single(await app.RatingsAsync("T"));
        Assert.Equal(RejectionReason.MissingField, Assert.Single(await app.RejectionsAsync()).Reason);
    }

    [Fact]
    public async Task MosquittoPubWithWrongSecretIsRefused()
    {
        await using var app = new TestApp();
        await app.CreateTerminalAsync("T");

        var result = await PubAsync(app, "T", "wrong", "onestop/v1/t/T/rating", TestApp.Rating(1, 1, TestApp.NowMs));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Connection Refused", result.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await app.RatingsAsync());
    }

    [Fact]
    public async Task MosquittoPubUnderAnotherTerminalIsNotAuthorizedOverMqtt5()
    {
        await using var app = new TestApp();
        var t = await app.CreateTerminalAsync("T");
        await app.CreateTerminalAsync("U");

        var result = await PubAsync(app, "T", t.Secret, "onestop/v1/t/U/rating", TestApp.Rating(1, 1, TestApp.NowMs), v5: true);

        Assert.Contains("Not authorized", result.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await app.RatingsAsync());
        Assert.Equal(RejectionReason.NotAuthorized, Assert.Single(await app.RejectionsAsync()).Reason);
    }
}
