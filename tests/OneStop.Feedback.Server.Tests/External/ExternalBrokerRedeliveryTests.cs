using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using MQTTnet;
using OneStop.Feedback.Server.Ratings;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.External;

/// <summary>Production mode keeps the promise of the embedded one: nothing a terminal got a PUBACK for is lost,
/// whatever happens to the server, and nothing is stored twice.</summary>
public class ExternalBrokerRedeliveryTests
{
    [Fact]
    public async Task RatingsPublishedWhileTheServerIsDownAreStoredWhenItComesBack()
    {
        await using var setup = await ExternalSetup.StartAsync("T1");
        await using (var first = new TestApp(setup.ServerSettings))
        {
            await ExternalSetup.WaitUntilConnectedAsync(first.Client); // registers the persistent session
        }

        using (var terminal = await setup.ConnectTerminalAsync(setup.Terminals[0]))
        {
            for (var seq = 1; seq <= 200; seq++)
            {
                var ack = await terminal.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, seq, TestApp.NowMs)));
                Assert.True(ack.IsSuccess, ack.ReasonCode.ToString());
            }
        }
        // The broker restarts too (SIGKILL after its 1 s autosave): the queue must survive in its persistence file.
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // autosave_interval 1: waiting for that save is what is under test
        setup.Broker.Kill();
        await setup.Broker.StartAsync();

        await using var second = new TestApp(setup.ServerSettings);
        var stored = await Poll.UntilAsync(() => second.RatingsAsync(), r => r.Count >= 200, TimeSpan.FromSeconds(20), "200 ratings queued while the server was down");
        await Poll.UntilAsync(() => ExternalSetup.UnacknowledgedAsync(second.Client), n => n == 0, TimeSpan.FromSeconds(10), "no unacknowledged message");
        Assert.Equal(200, stored.Select(r => r.Seq).Distinct().Count());
        Assert.Equal(200, (await second.RatingsAsync()).Count);
    }

    [Fact]
    public async Task ServerKilledBetweenReceiptAndCommitGetsTheMessagesRedelivered()
    {
        await using var setup = await ExternalSetup.StartAsync("T1");
        using var terminal = await ConnectAsync(setup);
        await using (var server = await ServerProcess.StartAsync(setup.Data.Path, setup.ServerArgs))
        {
            await PublishAsync(terminal, 1);
            await Poll.UntilAsync(() => RatingsAsync(server), r => r.Count == 1, TimeSpan.FromSeconds(10), "the first rating");

            // Hold the database's write lock: the server receives the next messages but cannot commit them.
            // Not pooled: a pooled handle would keep the lock after Dispose and block the restarted server.
            using var blocker = new SqliteConnection($"Data Source={Path.Combine(setup.Data.Path, "onestop.db")};Pooling=False");
            blocker.Open();
            using (var begin = blocker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                begin.ExecuteNonQuery();
            }
            for (var seq = 2; seq <= 51; seq++)
            {
                await PublishAsync(terminal, seq);
            }
            await Poll.UntilAsync(() => ExternalSetup.UnacknowledgedAsync(server.Http), n => n == 50, TimeSpan.FromSeconds(8), "50 received, uncommitted messages");
            server.Kill();
        }

        await using var restarted = await ServerProcess.StartAsync(setup.Data.Path, setup.ServerArgs);
        await Poll.UntilAsync(() => RatingsAsync(restarted), r => r.Count >= 51, TimeSpan.FromSeconds(20), "51 ratings after the restart");
        await Poll.UntilAsync(() => ExternalSetup.UnacknowledgedAsync(restarted.Http), n => n == 0, TimeSpan.FromSeconds(10), "no unacknowledged message");
        var stored = await RatingsAsync(restarted);
        Assert.Equal(51, stored.Count);
        Assert.Equal(Enumerable.Range(1, 51).Select(i => (long)i), stored.Select(r => r.Seq).Order());
    }

    private static async Task<IMqttClient> ConnectAsync(ExternalSetup setup) => await setup.ConnectTerminalAsync(setup.Terminals[0]);

    private static async Task PublishAsync(IMqttClient terminal, int seq)
    {
        var ack = await terminal.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, seq, TestApp.NowMs)));
        Assert.True(ack.IsSuccess, ack.ReasonCode.ToString());
    }

    private static async Task<List<RatingView>> RatingsAsync(ServerProcess server) =>
        (await server.Http.GetFromJsonAsync<List<RatingView>>("/api/v1/ratings?limit=10000"))!;
}
