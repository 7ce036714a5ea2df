using System.Diagnostics;
using System.Globalization;
using OneStop.Feedback.Faults.Tests.Support;
using OneStop.Feedback.Firmware.Core.Outbox;
using OneStop.Feedback.Server.Tests.Support;
using OneStop.Feedback.Simulation;
using Xunit.Abstractions;

namespace OneStop.Feedback.Faults.Tests;

/// <summary>
/// A terminal without network for a whole office day: it takes more than 2,000 ratings into its file outbox,
/// loses power once in the middle of it, and when the network comes back delivers every one exactly once.
/// </summary>
public class OfflineDayTests(ITestOutputHelper output)
{
    private const int MorningRatings = 1_200;
    private const int AfternoonRatings = 1_000;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task ADayOfRatingsBufferedOfflineAcrossAPowerCutIsDeliveredExactlyOnce()
    {
        await using var app = new TestApp();
        var credentials = await app.CreateTerminalAsync("offline-day");
        using var outboxes = new OutboxFolder();
        var clock = Stopwatch.StartNew();

        // Morning: no network at all (the terminal never reaches the broker), then the power goes.
        var morning = Terminal(app, credentials.Id, credentials.Secret, outboxes.Path, MorningRatings);
        morning.GoOffline(TimeSpan.FromDays(1));
        using (var power = new CancellationTokenSource())
        {
            var run = morning.RunAsync(power.Token);
            await UntilAsync(() => morning.Rated == MorningRatings, "the morning's ratings in the outbox", morning);
            await power.CancelAsync();
            await run;
        }
        Assert.Equal((0, 0), (morning.Connects, morning.Acked));

        // Afternoon: the terminal boots again on the same outbox, still offline, and keeps rating.
        var afternoon = Terminal(app, credentials.Id, credentials.Secret, outboxes.Path, AfternoonRatings);
        afternoon.GoOffline(TimeSpan.FromDays(1));
        using var stop = new CancellationTokenSource();
        var afternoonRun = afternoon.RunAsync(stop.Token);
        try
        {
            await UntilAsync(() => afternoon.Rated == AfternoonRatings, "the afternoon's ratings in the outbox", afternoon);
            var buffered = afternoon.Pending;
            output.WriteLine($"buffered offline: {buffered} message(s) (ratings and boot events) after {clock.Elapsed.TotalSeconds:0.0} s; boot {afternoon.Boot}");
            Assert.True(buffered >= MorningRatings + AfternoonRatings, $"only {buffered} in the outbox");
            Assert.Empty(await app.RatingsAsync("offline-day"));

            // The network is back.
            var online = Stopwatch.StartNew();
            afternoon.GoOffline(TimeSpan.Zero);
            await UntilAsync(() => afternoon.Pending == 0, "the outbox to drain", afternoon);
            var delivered = online.Elapsed;

            var stored = StoredRatings.Read(app.DataDirectory);
            const int expected = MorningRatings + AfternoonRatings;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"offline day: rated={expected} sent={afternoon.Sent} acked={afternoon.Acked} stored={stored.Count} duplicates={stored.Duplicates} conflicts={stored.ConflictingDuplicates} drained in {delivered.TotalSeconds:0.0}s"));
            Assert.Equal((expected, expected, expected), (afternoon.Sent, afternoon.Acked, stored.Count));
            Assert.Equal((0, 0, 0, 0), (stored.Duplicates, stored.ConflictingDuplicates, afternoon.Refused, afternoon.Dropped));
            Assert.Equal(2, stored.Rows.Select(r => r.Boot).Distinct().Count()); // both boots' ratings, each under its own boot
        }
        finally
        {
            await stop.CancelAsync();
            await afternoonRun;
        }
    }

    /// <summary>A terminal with the firmware's own outbox size (<see cref="Outbox.DefaultCapacity"/> messages).</summary>
    private static SimulatedTerminal Terminal(TestApp app, string id, string secret, string outboxRoot, int ratings) =>
        new(new SimulatedTerminalOptions
        {
            TerminalId = id,
            Secret = secret,
            BrokerPort = app.MqttPort,
            DataDirectory = Path.Combine(outboxRoot, id),
            MaxRatings = ratings,
            ReconnectInitialMs = 200,
            ReconnectMaxMs = 1000,
        }, new RandomCitizen(ratesPerSecond: 400, seed: ratings));

    private static async Task UntilAsync(Func<bool> done, string what, SimulatedTerminal terminal)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > Deadline)
            {
                throw new TimeoutException($"Timed out after {Deadline.TotalSeconds:0} s waiting for {what}: {terminal} last error: {terminal.LastError}");
            }
            await Task.Delay(50);
        }
    }
}
