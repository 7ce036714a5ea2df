using System.Diagnostics;
using System.Globalization;
using OneStop.Feedback.Faults.Tests.Support;
using OneStop.Feedback.Server.Tests.External;
using OneStop.Feedback.Server.Tests.Support;
using Xunit.Abstractions;

namespace OneStop.Feedback.Faults.Tests;

/// <summary>
/// Production mode: Mosquitto (persistence on, as mosquitto-config generates it) is restarted three times
/// while simulated terminals rate through it and the server process ingests. Terminals and server reconnect by
/// themselves; everything is stored exactly once.
/// </summary>
public class BrokerRestartTests(ITestOutputHelper output)
{
    private const int Terminals = 10;
    private const int Restarts = 3;

    [Fact]
    public async Task MosquittoRestartedThreeTimesDuringIngestLosesNothingAndStoresNothingTwice()
    {
        var total = FaultSize.Ratings(1_500);
        var ids = Enumerable.Range(1, Terminals).Select(i => $"brst-{i:00}").ToArray();
        await using var setup = await ExternalSetup.StartAsync(ids);
        using var outboxes = new OutboxFolder();
        await using var server = await ServerProcess.StartAsync(setup.Data.Path, setup.ServerArgs);
        try
        {
            var clock = Stopwatch.StartNew();
            // Spread over about 30 s, so that the restarts fall during ingest.
            await using var fleet = Fleet.Start(setup.Terminals.Select(t => (t.Id, t.Secret)), setup.Broker.Port, outboxes.Path, total / Terminals, total / (double)Terminals / 30);
            for (var restart = 1; restart <= Restarts; restart++)
            {
                var target = restart * total / (Restarts + 1);
                await Poll.UntilAsync(() => Task.FromResult(StoredRatings.Read(setup.Data.Path).Count), n => n >= target, FaultSize.Budget(total), $"{target} stored ratings");
                await setup.Broker.StopAsync();
                output.WriteLine($"restart {restart} at {clock.Elapsed.TotalSeconds:0.0} s: acked by Mosquitto={fleet.Acked} stored={StoredRatings.Read(setup.Data.Path).Count}");
                await Task.Delay(TimeSpan.FromSeconds(2)); // down long enough for every client to notice
                await setup.Broker.StartAsync();
            }
            await fleet.WaitDoneAsync(FaultSize.Budget(total));
            await Poll.UntilAsync(() => Task.FromResult(StoredRatings.Read(setup.Data.Path).Count), n => n >= fleet.Sent, TimeSpan.FromSeconds(60), "the server to store what Mosquitto queued");

            var stored = StoredRatings.Read(setup.Data.Path);
            var acked = fleet.AckedSnapshot();
            var lost = stored.Missing(acked);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mosquitto restarts={Restarts}: sent={fleet.Sent} acked={acked.Count} stored={stored.Count} duplicates={stored.Duplicates} conflicts={stored.ConflictingDuplicates} lost={lost.Count} time={clock.Elapsed.TotalSeconds:0.0}s"));
            Assert.Empty(lost);
            Assert.Equal((0, 0, 0, 0), (stored.Duplicates, stored.ConflictingDuplicates, fleet.Refused, fleet.Dropped));
            var expected = total / Terminals * Terminals;
            Assert.Equal((expected, expected, expected), (fleet.Sent, acked.Count, stored.Count));
            await ExternalSetup.WaitUntilConnectedAsync(server.Http); // and the server is connected and healthy at the end
        }
        catch
        {
            output.WriteLine("server log:\n" + server.Log + "\nmosquitto log:\n" + setup.Broker.Log);
            throw;
        }
    }
}
