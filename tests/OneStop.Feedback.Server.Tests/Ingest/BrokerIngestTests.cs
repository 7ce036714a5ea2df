using System.Net.Http.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using OneStop.Feedback.Server.Protocol;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Ingest;

/// <summary>Ingest through the embedded broker with a real MQTT client, as a terminal would publish.</summary>
public class BrokerIngestTests
{
    /// <summary>The server under test; the PostgreSQL variant of this class overrides it.</summary>
    protected virtual TestApp NewApp(IDictionary<string, string?>? settings = null, bool withAdminToken = true) => new(settings, withAdminToken);

    [Fact]
    public async Task AcknowledgedRatingIsStoredWithItsFields()
    {
        await using var app = NewApp();
        var terminal = await app.CreateTerminalAsync("T1", "Q1");
        using var client = await app.ConnectAsync(terminal);
        var ts = TestApp.NowMs - 60_000;

        var ack = await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating",
            TestApp.Rating(3, 17, ts, score: 2, criteria: """{"listen":1,"thank":3}""")));

        Assert.Equal(MqttClientPublishReasonCode.Success, ack.ReasonCode);
        // The PUBACK means committed: the rating is readable at once, no polling.
        var rating = Assert.Single(await app.RatingsAsync());
        Assert.Equal(("T1", 3L, 17L, 2, 5), (rating.Terminal, rating.Boot, rating.Seq, rating.Score, rating.Scale));
        Assert.Equal(new Dictionary<string, int> { ["listen"] = 1, ["thank"] = 3 }, rating.Criteria);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(ts), rating.OccurredAt);
        Assert.True(rating.ClockSynced);
    }

    [Fact]
    public async Task RatingWithUnsyncedClockTakesTheReceiveTime()
    {
        await using var app = NewApp();
        var terminal = await app.CreateTerminalAsync("T1");
        using var client = await app.ConnectAsync(terminal);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, 1, 0)));

        var rating = Assert.Single(await app.RatingsAsync());
        Assert.False(rating.ClockSynced);
        Assert.Equal(rating.ReceivedAt, rating.OccurredAt);
        Assert.InRange(rating.OccurredAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task RedeliveredRatingIsStoredOnce()
    {
        await using var app = NewApp();
        var terminal = await app.CreateTerminalAsync("T1");
        using var client = await app.ConnectAsync(terminal);
        var payload = TestApp.Rating(1, 1, TestApp.NowMs);

        for (var i = 0; i < 3; i++)
        {
            var ack = await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", payload));
            Assert.Equal(MqttClientPublishReasonCode.Success, ack.ReasonCode);
        }

        Assert.Single(await app.RatingsAsync());
        Assert.Empty(await app.RejectionsAsync());
    }

    [Fact]
    public async Task SameKeyWithOtherContentKeepsTheFirstAndRecordsAConflict()
    {
        await using var app = NewApp();
        var terminal = await app.CreateTerminalAsync("T1");
        using var client = await app.ConnectAsync(terminal);
        var ts = TestApp.NowMs;

        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, 1, ts, score: 5)));
        var second = await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, 1, ts, score: 1)));

        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, second.ReasonCode);
        Assert.Equal(5, Assert.Single(await app.RatingsAsync()).Score);
        Assert.Equal(RejectionReason.ConflictingDuplicate, Assert.Single(await app.RejectionsAsync()).Reason);
    }

    [Fact]
    public async Task MalformedRatingIsRejectedWithReasonAndRawPayload()
    {
        await using var app = NewApp();
        var terminal = await app.CreateTerminalAsync("T1");
        using var client = await app.ConnectAsync(terminal);

        var ack = await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", """{"v":1,"boot":1,"seq":1,"ts":0,"scale":5,"score":9}"""));

        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, ack.ReasonCode);
        Assert.Empty(await app.RatingsAsync());
        var rejection = Assert.Single(await app.RejectionsAsync());
        Assert.Equal((RejectionReason.ScoreOutOfRange, "T1", "onestop/v1/t/T1/rating"), (rejection.Reason, rejection.Terminal, rejection.Topic));
        Assert.Equal("""{"v":1,"boot":1,"seq":1,"ts":0,"scale":5,"score":9}""", rejection.Payload);
        Assert.False(rejection.PayloadTruncated);
    }

    [Fact]
    public async Task HugePayloadIsRejectedAndOnlyItsHeadKept()
    {
        await using var app = NewApp();
        var terminal = await app.CreateTerminalAsync("T1");
        using var client = await app.ConnectAsync(terminal);
        var huge = new string('x', 1024 * 1024);

        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", huge));

        var rejection = Assert.Single(await app.RejectionsAsync());
        Assert.Equal(RejectionReason.PayloadTooLarge, rejection.Reason);
        Assert.Equal(1024 * 1024, rejection.PayloadSize);
        Assert.True(rejection.PayloadTruncated);
        Assert.Equal(1024, Convert.FromBase64String(rejection.PayloadBase64).Length);
    }

    [Fact]
    public async Task WrongSecretIsRefusedAtConnect()
    {
        await using var app = NewApp();
        await app.CreateTerminalAsync("T1");
        using var client = new MqttClientFactory().CreateMqttClient();

        var v5 = await client.ConnectAsync(app.ConnectOptions("T1", "not-the-secret"));
        var v311 = await client.ConnectAsync(app.ConnectOptions("T1", "not-the-secret", MqttProtocolVersion.V311));
        var unknown = await client.ConnectAsync(app.ConnectOptions("T9", "whatever"));

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, v5.ResultCode);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, v311.ResultCode);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, unknown.ResultCode);
        Assert.False(client.IsConnected);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public async Task PublishUnderAnotherTerminalsIdIsRefusedAndRecorded(MqttProtocolVersion version)
    {
        await using var app = NewApp();
        var t1 = await app.CreateTerminalAsync("T1");
        await app.CreateTerminalAsync("T2");
        using var client = await app.ConnectAsync(t1, version);

        var ack = await client.PublishAsync(TestApp.Message("onestop/v1/t/T2/rating", TestApp.Rating(1, 1, TestApp.NowMs)));

        // MQTT 3.1.1 has no negative PUBACK; what matters is that nothing is stored as T2's rating.
        Assert.Equal(version == MqttProtocolVersion.V500 ? MqttClientPublishReasonCode.NotAuthorized : MqttClientPublishReasonCode.Success, ack.ReasonCode);
        Assert.Empty(await app.RatingsAsync());
        var rejection = Assert.Single(await app.RejectionsAsync());
        Assert.Equal((RejectionReason.NotAuthorized, "T1"), (rejection.Reason, rejection.Terminal));
    }

    [Fact]
    public async Task TerminalCannotPublishConfigOrSubscribeToOthers()
    {
        await using var app = NewApp();
        var t1 = await app.CreateTerminalAsync("T1");
        using var client = await app.ConnectAsync(t1);

        var publish = await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/config", "{}"));
        var subscribe = await client.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter("onestop/v1/t/T2/config", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter("onestop/v1/t/T1/config", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter("onestop/#", MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, publish.ReasonCode);
        Assert.Equal(
            [MqttClientSubscribeResultCode.NotAuthorized, MqttClientSubscribeResultCode.GrantedQoS1, MqttClientSubscribeResultCode.NotAuthorized],
            subscribe.Items.Select(i => i.ResultCode).ToArray());
    }

    [Fact]
    public async Task StatusFollowsConnectionAndStatusMessages()
    {
        await using var app = NewApp();
        var t1 = await app.CreateTerminalAsync("T1");
        using (var client = await app.ConnectAsync(t1))
        {
            await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/status", """{"v":1,"state":"online","fw":"1.2.3","outbox":0}"""));
            var online = await app.Client.GetFromJsonAsync<TerminalsView>("/api/v1/terminals/T1");
            Assert.True(online!.Online);
            Assert.Contains("1.2.3", online.StatusDetail, StringComparison.Ordinal);
            Assert.NotNull(online.LastSeenAt);
            await client.DisconnectAsync();
        }

        var offline = await Poll.UntilAsync(
            () => app.Client.GetFromJsonAsync<TerminalsView>("/api/v1/terminals/T1")!,
            t => t is { Online: false }, TimeSpan.FromSeconds(10), "terminal T1 to show offline");
        Assert.Equal("offline", offline!.Status);
    }

    [Fact]
    public async Task ManyTerminalsPublishingAtOnceAreAllStoredExactlyOnce()
    {
        await using var app = NewApp();
        const int terminals = 8, perTerminal = 250;
        var now = TestApp.NowMs;
        var runs = Enumerable.Range(1, terminals).Select(async t =>
        {
            var credentials = await app.CreateTerminalAsync("T" + t);
            using var client = await app.ConnectAsync(credentials);
            var acks = await Task.WhenAll(Enumerable.Range(1, perTerminal).Select(seq =>
                client.PublishAsync(TestApp.Message($"onestop/v1/t/T{t}/rating", TestApp.Rating(1, seq, now - seq)))));
            Assert.All(acks, a => Assert.Equal(MqttClientPublishReasonCode.Success, a.ReasonCode));
        });
        await Task.WhenAll(runs);

        var stored = await app.RatingsAsync();
        Assert.Equal(terminals * perTerminal, stored.Count);
        Assert.Equal(stored.Count, stored.Select(r => (r.Terminal, r.Boot, r.Seq)).Distinct().Count());
    }

    private sealed record TerminalsView(string Id, bool Online, string? Status, string? StatusDetail, DateTimeOffset? LastSeenAt);
}
