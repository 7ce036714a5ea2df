using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Feedback.Faults.Tests.Support;
using OneStop.Feedback.Server.Terminals;
using OneStop.Feedback.Server.Tests.Support;
using Xunit.Abstractions;

namespace OneStop.Feedback.Faults.Tests;

/// <summary>
/// The data folder on a real size-limited filesystem (tmpfs, 24 MiB) that fills up during ingest: the server
/// must stop acknowledging, say why (log and /healthz), and carry on by itself once space is freed, losing
/// nothing the terminals saw acknowledged and storing nothing twice.
/// </summary>
public class DiskFullTests(ITestOutputHelper output)
{
    private const int Terminals = 4;
    private const int RatingsEach = 300;

    [Fact]
    public async Task FullDataDiskStopsAcknowledgementsSaysWhyAndRecoversWithNothingLost()
    {
        await using var disk = await TmpfsMount.MountAsync(24);
        using var outboxes = new OutboxFolder();
        var data = Path.Combine(disk.Path, "data");
        var server = await ServerProcess.StartAsync(data);
        try
        {
            var credentials = new List<(string, string)>();
            for (var i = 1; i <= Terminals; i++)
            {
                var response = await server.Http.PostAsJsonAsync("/api/v1/terminals", new { id = $"full-{i}", counterId = "Q1", name = $"full {i}" });
                response.EnsureSuccessStatusCode();
                var c = (await response.Content.ReadFromJsonAsync<TerminalCredentials>())!;
                credentials.Add((c.Id, c.Secret));
            }
            var clock = Stopwatch.StartNew();
            await using var fleet = Fleet.Start(credentials, server.MqttPort, outboxes.Path, RatingsEach, ratePerSecond: 15);
            await fleet.WaitAckedAsync(150, TimeSpan.FromSeconds(60));

            var filler = disk.Fill();
            output.WriteLine($"disk filled at {clock.Elapsed.TotalSeconds:0.0} s with acked={fleet.Acked}");
            var health = await Poll.UntilAsync(() => HealthAsync(server), h => h.Status == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60), "/healthz to report the storage failure");
            output.WriteLine($"/healthz at {clock.Elapsed.TotalSeconds:0.0} s: {(int)health.Status} {health.Body}");
            Assert.Contains("full", health.Storage, StringComparison.OrdinalIgnoreCase);

            // While the disk stays full, nothing more is acknowledged, and what was acknowledged is on disk.
            await Task.Delay(TimeSpan.FromSeconds(1)); // PUBACKs of commits that succeeded just before may still be in transit
            var ackedWhileFull = fleet.AckedSnapshot();
            await Task.Delay(TimeSpan.FromSeconds(4));
            var ackedLater = fleet.AckedSnapshot();
            var stillFull = await HealthAsync(server);
            var storedWhileFull = StoredRatings.Read(data);
            output.WriteLine($"full for 4 s: acked {ackedWhileFull.Count} → {ackedLater.Count}, stored={storedWhileFull.Count}, rated={fleet.Rated}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, stillFull.Status);
            Assert.Equal(ackedWhileFull.Count, ackedLater.Count);
            Assert.Empty(storedWhileFull.Missing(ackedLater));
            Assert.True(fleet.Rated > ackedLater.Count, "the terminals kept rating into their outboxes while the disk was full");
            Assert.Contains("failed; nothing of it is acknowledged", server.Log, StringComparison.Ordinal);

            File.Delete(filler);
            var recovered = await Poll.UntilAsync(() => HealthAsync(server), h => h.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "/healthz to recover after space was freed");
            output.WriteLine($"space freed; /healthz ok again at {clock.Elapsed.TotalSeconds:0.0} s: {recovered.Body}");
            await fleet.WaitDoneAsync(TimeSpan.FromSeconds(120));

            var stored = StoredRatings.Read(data);
            var acked = fleet.AckedSnapshot();
            var lost = stored.Missing(acked);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"disk full: sent={fleet.Sent} acked={acked.Count} stored={stored.Count} duplicates={stored.Duplicates} conflicts={stored.ConflictingDuplicates} lost={lost.Count} time={clock.Elapsed.TotalSeconds:0.0}s"));
            Assert.Empty(lost);
            Assert.Equal((0, 0, 0, 0), (stored.Duplicates, stored.ConflictingDuplicates, fleet.Refused, fleet.Dropped));
            Assert.Equal((Terminals * RatingsEach, Terminals * RatingsEach, Terminals * RatingsEach), (fleet.Sent, acked.Count, stored.Count));
        }
        catch
        {
            output.WriteLine("server log:\n" + server.Log);
            throw;
        }
        finally
        {
            await server.DisposeAsync(); // before the unmount: the server holds the database open
        }
    }

    private static async Task<(HttpStatusCode Status, string Body, string Storage)> HealthAsync(ServerProcess server)
    {
        using var response = await server.Http.GetAsync("/healthz");
        var body = await response.Content.ReadAsStringAsync();
        var storage = JsonDocument.Parse(body).RootElement.GetProperty("storage").GetString() ?? "";
        return (response.StatusCode, body, storage);
    }
}
