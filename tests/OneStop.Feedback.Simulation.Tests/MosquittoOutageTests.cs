using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using OneStop.Feedback.Firmware.Core.Connectivity;
using OneStop.Feedback.Server.Tests.External;
using OneStop.Feedback.Server.Tests.Support;
using OneStop.Feedback.Simulation.Tests.Support;
using OneStop.Feedback.Simulator;
using Xunit.Abstractions;

namespace OneStop.Feedback.Simulation.Tests;

/// <summary>
/// Production mode end to end: simulated terminals publish through Debian's Mosquitto, the server subscribes and
/// stores. Mosquitto is stopped for 30 s in the middle of the run; the terminals keep rating into their outboxes
/// and resend after it is back. Slower than the other tests by design (the outage length is the requirement).
/// </summary>
public class MosquittoOutageTests(ITestOutputHelper output)
{
    private const int Terminals = 20;
    private const int RatingsEach = 100;

    /// <summary>
    /// Up to 20 s to reach 200 ratings, the 30 s outage, then the firmware's own back-off: a terminal whose
    /// attempt failed just before the broker came back waits up to <see cref="ReconnectPolicy.DefaultMaxMs"/>
    /// (60 s) before the next one. 90 s was shorter than that worst case, and one terminal in twenty sometimes
    /// came back after the deadline (CI failed on it twice); the run still ends as soon as everything is acknowledged.
    /// </summary>
    private const string RunTimeoutSeconds = "150";

    [Fact]
    public async Task TwentyTerminalsTimesAHundredRatingsThroughMosquittoStoppedFor30SecondsAreStoredExactlyOnce()
    {
        var ids = Enumerable.Range(1, Terminals).Select(Provisioning.TerminalId).ToArray();
        await using var setup = await ExternalSetup.StartAsync(ids);
        await using var app = new TestApp(setup.ServerSettings);
        await ExternalSetup.WaitUntilConnectedAsync(app.Client);
        using var data = new TempDirectory("osf-sim");
        var options = SimulatorOptions.Parse(
        [
            "--credentials", string.Join(",", setup.Terminals.Select(t => t.Id + ":" + t.Secret)),
            "--broker", "127.0.0.1:" + setup.Broker.Port.ToString(CultureInfo.InvariantCulture),
            "--ratings", RatingsEach.ToString(CultureInfo.InvariantCulture), "--rate", "5", "--data", data.Path, "--timeout", RunTimeoutSeconds,
        ]);
        using var log = new StringWriter(CultureInfo.InvariantCulture);

        var clock = Stopwatch.StartNew();
        var run = SimulatorRun.RunAsync(options, null, TextWriter.Synchronized(log), CancellationToken.None);
        await Poll.UntilAsync(async () => (await app.RatingsAsync()).Count, n => n >= 200, TimeSpan.FromSeconds(20), "ratings before the outage");
        await StopGracefullyAsync(setup.Broker);
        var stoppedAt = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(30)); // the outage itself is what is tested, not a wait for a result
        await setup.Broker.StartAsync();
        var code = await run;
        output.WriteLine($"broker down {stoppedAt.TotalSeconds:0.0}–{stoppedAt.TotalSeconds + 30:0.0} s; run ended after {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine(log.ToString());

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(code == 0, log.ToString());
        Assert.Equal($"sent={Terminals * RatingsEach} acked={Terminals * RatingsEach}", lines[^1]);
        Assert.Contains(lines, l => l.Contains($"online=0/{Terminals}", StringComparison.Ordinal));
        var stored = await SimulatorHarness.StoredOnceAsync(app, Terminals * RatingsEach);
        Assert.Equal(Terminals, stored.Select(r => r.Terminal).Distinct().Count());
    }

    /// <summary>
    /// SIGTERM, so Mosquitto saves its persistence file as an operator's stop would (the helper only offers
    /// SIGKILL). Its process is private to the shared helper, hence reflection.
    /// </summary>
    private static async Task StopGracefullyAsync(MosquittoBroker broker)
    {
        var field = typeof(MosquittoBroker).GetField("_process", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("MosquittoBroker._process not found");
        using var process = (Process)field.GetValue(broker)!;
        var result = await Tools.RunAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(process.WaitForExit(10_000), "mosquitto did not stop on SIGTERM");
        field.SetValue(broker, null);
    }
}
