using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using OneStop.Feedback.Faults.Tests.Support;
using OneStop.Feedback.Server.Terminals;
using OneStop.Feedback.Server.Tests.External;
using OneStop.Feedback.Server.Tests.Support;
using Xunit.Abstractions;

namespace OneStop.Feedback.Faults.Tests;

/// <summary>
/// The server process is killed with SIGKILL ten times while simulated terminals (the firmware Core with a file
/// outbox) rate. Every rating a terminal saw acknowledged must be stored, none twice, and once the terminals'
/// outboxes have drained, everything sent is stored. Reduced size here; <c>OSF_FAULT_RATINGS=100000</c> is the full run.
/// </summary>
public class KillTests(ITestOutputHelper output)
{
    private const int Kills = 10;
    private const int Terminals = 20;

    /// <summary>
    /// The citizens' pace: the ratings are spread over at least 45 s, so that all ten kills (a restart takes
    /// 2–4 s) fall during ingest, and at most 250 ratings/s in all. At 800/s offered, a loaded test machine fell
    /// behind during the outages and the terminals' outboxes (2,000 messages) filled and refused ratings.
    /// </summary>
    private static double RatePerTerminal(int total) => total / (double)Terminals / Math.Max(45, total / 250.0);

    /// <summary>
    /// Embedded broker: a PUBACK comes from the server itself after the commit, so right after each kill every
    /// rating acknowledged so far must already be in the database, before any terminal had a chance to resend.
    /// </summary>
    [Fact]
    public async Task EmbeddedBrokerKilledTenTimesLosesNothingAcknowledgedAndStoresNothingTwice()
    {
        var total = FaultSize.Ratings(2_000);
        using var data = new TempDirectory("osf-kill");
        using var outboxes = new OutboxFolder();
        int httpPort = ServerProcess.FreePort(), mqttPort = ServerProcess.FreePort();
        var server = await ServerProcess.StartAsync(data.Path, httpPort, mqttPort);
        try
        {
            var credentials = new List<(string, string)>();
            for (var i = 1; i <= Terminals; i++)
            {
                var response = await server.Http.PostAsJsonAsync("/api/v1/terminals", new { id = $"kill-{i:00}", counterId = "Q1", name = $"kill {i}" });
                response.EnsureSuccessStatusCode();
                var c = (await response.Content.ReadFromJsonAsync<TerminalCredentials>())!;
                credentials.Add((c.Id, c.Secret));
            }
            var clock = Stopwatch.StartNew();
            await using var fleet = Fleet.Start(credentials, mqttPort, outboxes.Path, total / Terminals, RatePerTerminal(total));
            for (var kill = 1; kill <= Kills; kill++)
            {
                await fleet.WaitAckedAsync(kill * total / (Kills + 1), FaultSize.Budget(total));
                server.Kill();
                var acked = fleet.AckedSnapshot(); // nothing can be acknowledged any more: the broker is dead
                await server.DisposeAsync();
                var stored = StoredRatings.Read(data.Path); // what is on disk at the moment of death, before any resend
                var lost = stored.Missing(acked);
                output.WriteLine($"kill {kill,2} at {clock.Elapsed.TotalSeconds,6:0.0} s: acked={acked.Count} stored={stored.Count} lost={lost.Count}");
                Assert.True(lost.Count == 0, $"kill {kill}: {lost.Count} acknowledged rating(s) not on disk, e.g. {string.Join(", ", lost.Take(5))}");
                server = await ServerProcess.StartAsync(data.Path, httpPort, mqttPort);
            }
            await fleet.WaitDoneAsync(FaultSize.Budget(total));
            AssertAllStoredOnce(fleet, StoredRatings.Read(data.Path), total, clock.Elapsed, "embedded");
        }
        catch
        {
            output.WriteLine("server log:\n" + server.Log);
            throw;
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>
    /// Production mode: terminals publish to Mosquitto (persistence on), which acknowledges them itself and keeps
    /// them for the server's persistent session while the server is dead. The server acknowledges to Mosquitto
    /// only after its commit, so a kill between commit and that acknowledgement makes Mosquitto redeliver:
    /// every rating must end up stored exactly once.
    /// </summary>
    [Fact]
    public async Task ServerBehindMosquittoKilledTenTimesStoresEverythingExactlyOnce()
    {
        var total = FaultSize.Ratings(2_000);
        var ids = Enumerable.Range(1, Terminals).Select(i => $"mkill-{i:00}").ToArray();
        await using var setup = await ExternalSetup.StartAsync(ids);
        using var outboxes = new OutboxFolder();
        var server = await ServerProcess.StartAsync(setup.Data.Path, setup.ServerArgs);
        try
        {
            var clock = Stopwatch.StartNew();
            await using var fleet = Fleet.Start(setup.Terminals.Select(t => (t.Id, t.Secret)), setup.Broker.Port, outboxes.Path, total / Terminals, RatePerTerminal(total));
            for (var kill = 1; kill <= Kills; kill++)
            {
                // Progress is measured by what the server stored: Mosquitto acknowledges terminals on its own.
                var target = kill * total / (Kills + 1);
                await Poll.UntilAsync(() => Task.FromResult(StoredRatings.Read(setup.Data.Path).Count), n => n >= target, FaultSize.Budget(total), $"{target} stored ratings");
                server.Kill();
                await server.DisposeAsync();
                output.WriteLine($"kill {kill,2} at {clock.Elapsed.TotalSeconds,6:0.0} s: acked by Mosquitto={fleet.Acked} stored={StoredRatings.Read(setup.Data.Path).Count}");
                server = await ServerProcess.StartAsync(setup.Data.Path, setup.ServerArgs);
            }
            await fleet.WaitDoneAsync(FaultSize.Budget(total));
            // The terminals are done when Mosquitto has acknowledged everything; the server may still be draining its queue.
            await Poll.UntilAsync(() => Task.FromResult(StoredRatings.Read(setup.Data.Path).Count), n => n >= fleet.Sent, TimeSpan.FromSeconds(60), "the server to store what Mosquitto queued");
            AssertAllStoredOnce(fleet, StoredRatings.Read(setup.Data.Path), total, clock.Elapsed, "mosquitto");
        }
        catch
        {
            output.WriteLine("server log:\n" + server.Log + "\nmosquitto log:\n" + setup.Broker.Log);
            throw;
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private void AssertAllStoredOnce(Fleet fleet, StoredRatings stored, int total, TimeSpan elapsed, string mode)
    {
        var acked = fleet.AckedSnapshot();
        var lost = stored.Missing(acked);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode}: kills={Kills} sent={fleet.Sent} acked={acked.Count} stored={stored.Count} duplicates={stored.Duplicates} conflicts={stored.ConflictingDuplicates} lost={lost.Count} time={elapsed.TotalSeconds:0.0}s"));
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged rating(s) not stored, e.g. {string.Join(", ", lost.Take(5))}");
        Assert.Equal(0, stored.Duplicates);
        Assert.Equal(0, stored.ConflictingDuplicates);
        Assert.Equal((0, 0), (fleet.Refused, fleet.Dropped));
        Assert.Equal(total / Terminals * Terminals, fleet.Rated);
        Assert.Equal(fleet.Rated, fleet.Sent);
        Assert.Equal(fleet.Sent, acked.Count);
        Assert.Equal(fleet.Sent, stored.Count);
    }
}
