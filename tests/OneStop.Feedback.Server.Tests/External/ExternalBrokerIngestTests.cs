using System.Diagnostics;
using System.Globalization;
using MQTTnet;
using MQTTnet.Formatter;
using OneStop.Feedback.Server.Tests.Support;
using Xunit.Abstractions;

namespace OneStop.Feedback.Server.Tests.External;

/// <summary>Production mode: terminals publish through Mosquitto, the server subscribes and acknowledges after the commit.</summary>
public class ExternalBrokerIngestTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RatingsPublishedThroughMosquittoAreStoredExactlyOnce()
    {
        await using var setup = await ExternalSetup.StartAsync("T1", "T2", "T3", "P");
        await using var app = new TestApp(setup.ServerSettings);
        await ExternalSetup.WaitUntilConnectedAsync(app.Client);
        const int perTerminal = 300;
        var ts = TestApp.NowMs;

        var clock = Stopwatch.StartNew();
        var publishers = setup.Terminals.Where(t => t.Id != "P").Select(async terminal =>
        {
            using var client = await setup.ConnectTerminalAsync(terminal);
            using var window = new SemaphoreSlim(32); // a terminal with a backlog in its outbox sends several at once
            var acks = Enumerable.Range(1, perTerminal).Select(async seq =>
            {
                await window.WaitAsync();
                try
                {
                    return await client.PublishAsync(TestApp.Message($"onestop/v1/t/{terminal.Id}/rating", TestApp.Rating(1, seq, ts)));
                }
                finally
                {
                    window.Release();
                }
            });
            return await Task.WhenAll(acks);
        }).ToList();
        // An outside client, MQTT 3.1.1 with a broker-assigned client id, sends one rating twice (a redelivery).
        var p = setup.Terminals.Single(t => t.Id == "P");
        var pubArgs = new[] { "-h", "127.0.0.1", "-p", setup.Broker.Port.ToString(CultureInfo.InvariantCulture), "-q", "1", "-u", "P", "-P", p.Secret, "-t", "onestop/v1/t/P/rating", "-m", TestApp.Rating(1, 1, ts) };
        var mosquittoPub = Tools.Require("mosquitto_pub", "mosquitto-clients");
        var first = await Tools.RunAsync(mosquittoPub, pubArgs, TimeSpan.FromSeconds(20));
        var again = await Tools.RunAsync(mosquittoPub, pubArgs, TimeSpan.FromSeconds(20));
        var results = (await Task.WhenAll(publishers)).SelectMany(r => r).ToList();

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.All(results, r => Assert.True(r.IsSuccess, r.ReasonCode.ToString()));
        const int expected = (3 * perTerminal) + 1;
        await Poll.UntilAsync(async () => (await app.RatingsAsync()).Count, n => n >= expected, TimeSpan.FromSeconds(20), $"{expected} stored ratings");
        // Everything committed is acknowledged: nothing stays in flight (else Mosquitto would redeliver it).
        await Poll.UntilAsync(() => ExternalSetup.UnacknowledgedAsync(app.Client), n => n == 0, TimeSpan.FromSeconds(10), "no unacknowledged message");
        output.WriteLine($"{expected} ratings through Mosquitto, stored and acknowledged in {clock.ElapsedMilliseconds} ms");

        var stored = await app.RatingsAsync();
        Assert.Equal(expected, stored.Count);
        Assert.Equal(expected, stored.Select(r => (r.Terminal, r.Boot, r.Seq)).Distinct().Count());
        Assert.Empty(await app.RejectionsAsync());
    }

    [Fact]
    public async Task TerminalCannotPublishAsAnotherThroughMosquitto()
    {
        await using var setup = await ExternalSetup.StartAsync("T1", "T2");
        await using var app = new TestApp(setup.ServerSettings);
        await ExternalSetup.WaitUntilConnectedAsync(app.Client);
        using var t1 = await setup.ConnectTerminalAsync(setup.Terminals[0]);

        // Also pins the generated conf: with max_queued_messages 0, Mosquitto 2.0.11 dropped the connection here.
        var foreign = await t1.PublishAsync(TestApp.Message("onestop/v1/t/T2/rating", TestApp.Rating(1, 1, TestApp.NowMs)));
        var config = await t1.PublishAsync(TestApp.Message("onestop/v1/t/T1/config", "{}"));
        // Mosquitto delivers one publisher's messages in order: once this one is stored, the refused ones would be too.
        var own = await t1.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, 2, TestApp.NowMs)));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, foreign.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, config.ReasonCode);
        Assert.True(own.IsSuccess, own.ReasonCode.ToString());
        var rating = Assert.Single(await Poll.UntilAsync(() => app.RatingsAsync(), r => r.Count > 0, TimeSpan.FromSeconds(10), "the own rating"));
        Assert.Equal(("T1", 2L), (rating.Terminal, rating.Seq));
        Assert.Empty(await app.RejectionsAsync()); // refused by the broker: the server never saw them
    }

    [Fact]
    public async Task WrongSecretIsRefusedByMosquittoAtConnect()
    {
        await using var setup = await ExternalSetup.StartAsync("T1");
        using var client = new MqttClientFactory().CreateMqttClient();

        var v5 = await client.ConnectAsync(setup.TerminalOptions("T1", "not-the-secret"));
        var v311 = await client.ConnectAsync(setup.TerminalOptions("T1", "not-the-secret", MqttProtocolVersion.V311));
        var unknown = await client.ConnectAsync(setup.TerminalOptions("T9", "whatever"));
        var good = await client.ConnectAsync(setup.TerminalOptions("T1", setup.Terminals[0].Secret));

        Assert.Contains(v5.ResultCode, new[] { MqttClientConnectResultCode.BadUserNameOrPassword, MqttClientConnectResultCode.NotAuthorized });
        Assert.Contains(v311.ResultCode, new[] { MqttClientConnectResultCode.BadUserNameOrPassword, MqttClientConnectResultCode.NotAuthorized });
        Assert.Contains(unknown.ResultCode, new[] { MqttClientConnectResultCode.BadUserNameOrPassword, MqttClientConnectResultCode.NotAuthorized });
        Assert.Equal(MqttClientConnectResultCode.Success, good.ResultCode); // the hash from the registry is accepted
    }
}
