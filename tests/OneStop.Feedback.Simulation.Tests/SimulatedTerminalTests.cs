using System.Net.Http.Json;
using MQTTnet.Formatter;
using OneStop.Feedback.Firmware.Core.Protocol;
using OneStop.Feedback.Server.Terminals;
using OneStop.Feedback.Server.Tests.Support;
using OneStop.Feedback.Simulation.Tests.Support;

namespace OneStop.Feedback.Simulation.Tests;

public class SimulatedTerminalTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AKilledTerminalRestartedOnTheSameOutboxResendsItsPendingRatingsUnderTheSameBootAndSeq()
    {
        await using var app = new TestApp();
        var credentials = await app.CreateTerminalAsync("t-restart");
        using var data = new TempDirectory("osf-sim");
        int[] scores = [5, 4, 3, 2, 1, 5, 5, 4, 4, 3, 1, 2, 5, 3, 4];

        // First life: five ratings acknowledged, then the network goes and ten more wait in the outbox.
        var keys = new KeyCitizen();
        var first = new SimulatedTerminal(Options(app, credentials, data.Path), keys);
        using (var power = new CancellationTokenSource())
        {
            var run = first.RunAsync(power.Token);
            await Until(() => first.IsConnected, "first connect");
            foreach (var score in scores[..5])
            {
                keys.Press(score);
            }
            await Until(() => first.Acked == 5, "five acks");
            first.GoOffline(TimeSpan.FromMinutes(5));
            await Until(() => !first.IsConnected, "going offline");
            foreach (var score in scores[5..])
            {
                keys.Press(score);
            }
            await Until(() => first.Rated == 15, "fifteen ratings in the outbox");
            await power.CancelAsync(); // power cut
            await run;
        }
        Assert.Equal((5, 5, 10), (first.Sent, first.Acked, first.Pending));

        // Second life on the same folder: nobody presses; the outbox drains.
        var second = new SimulatedTerminal(Options(app, credentials, data.Path), new KeyCitizen());
        using (var power = new CancellationTokenSource())
        {
            var run = second.RunAsync(power.Token);
            await Until(() => second.Pending == 0, "the outbox to drain");
            await power.CancelAsync();
            await run;
        }

        Assert.Equal(first.Boot + 1, second.Boot);
        Assert.Equal((10, 10), (second.Sent, second.Acked));
        var stored = (await SimulatorHarness.StoredOnceAsync(app, 15)).OrderBy(r => r.Seq).ToList();
        Assert.All(stored, r => Assert.Equal(first.Boot, (uint)r.Boot));
        // seq 1 is the boot event; the ratings follow in press order.
        Assert.Equal(Enumerable.Range(2, 15).Select(s => (long)s), stored.Select(r => r.Seq));
        Assert.Equal(scores, stored.Select(r => r.Score));
        Assert.Empty(await app.RejectionsAsync());
    }

    [Fact]
    public async Task AConfigPublishedByTheServerChangesTheScaleOfTheNextRatings()
    {
        await using var app = new TestApp();
        var credentials = await app.CreateTerminalAsync("t-config");
        using var data = new TempDirectory("osf-sim");
        var keys = new KeyCitizen();
        var terminal = new SimulatedTerminal(Options(app, credentials, data.Path, MqttProtocolVersion.V500), keys);
        using var power = new CancellationTokenSource();
        var run = terminal.RunAsync(power.Token);
        await Until(() => terminal.IsConnected, "connect");
        keys.Press(5);
        await Until(() => terminal.Acked == 1, "the first rating");

        await SimulatorHarness.InjectAsync(app, Topics.Config(credentials.Id), "{\"v\":1,\"scale\":3,\"mode\":\"quick\",\"minIntervalSeconds\":0}");
        await Until(() => terminal.Scale == 3, "the new scale");
        keys.Press(3);
        keys.Press(5); // no fifth button on a 3-level scale: ignored
        keys.Press(1);
        await Until(() => terminal.Acked == 3, "two more ratings");
        await power.CancelAsync();
        await run;

        var stored = (await SimulatorHarness.StoredOnceAsync(app, 3)).OrderBy(r => r.Seq).Select(r => (r.Scale, r.Score));
        Assert.Equal([(5, 5), (3, 3), (3, 1)], stored);
    }

    [Fact]
    public async Task ARetainedStatusAndTheOfflineLastWillReachTheServer()
    {
        await using var app = new TestApp();
        var credentials = await app.CreateTerminalAsync("t-status");
        using var data = new TempDirectory("osf-sim");
        var terminal = new SimulatedTerminal(Options(app, credentials, data.Path), new KeyCitizen());
        using var power = new CancellationTokenSource();
        var run = terminal.RunAsync(power.Token);

        var online = await Poll.UntilAsync(() => app.Client.GetFromJsonAsync<TerminalView>("/api/v1/terminals/t-status")!,
            t => t!.Status == "online" && t.StatusDetail is not null, Deadline, "online status");
        Assert.Contains("\"boot\":" + terminal.Boot, online!.StatusDetail, StringComparison.Ordinal);
        terminal.GoOffline(TimeSpan.FromMinutes(1));
        await Poll.UntilAsync(() => app.Client.GetFromJsonAsync<TerminalView>("/api/v1/terminals/t-status")!,
            t => t!.Status == "offline", Deadline, "offline status");
        await power.CancelAsync();
        await run;
    }

    private static SimulatedTerminalOptions Options(TestApp app, TerminalCredentials credentials, string data, MqttProtocolVersion version = MqttProtocolVersion.V311) => new()
    {
        TerminalId = credentials.Id,
        Secret = credentials.Secret,
        BrokerPort = app.MqttPort,
        DataDirectory = data,
        ProtocolVersion = version,
        ReconnectInitialMs = 200,
    };

    private static async Task Until(Func<bool> condition, string what) =>
        await Poll.UntilAsync(() => Task.FromResult(condition()), done => done, Deadline, what);
}
