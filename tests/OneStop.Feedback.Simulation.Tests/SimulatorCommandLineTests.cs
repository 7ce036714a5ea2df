using OneStop.Feedback.Server.Tests.Support;
using OneStop.Feedback.Simulation.Tests.Support;
using OneStop.Feedback.Simulator;

namespace OneStop.Feedback.Simulation.Tests;

public class SimulatorCommandLineTests
{
    [Fact]
    public async Task ThreeTerminalsTimesThirtyRatingsAreAllStoredExactlyOnce()
    {
        await using var app = new TestApp();

        var (code, lines) = await SimulatorHarness.RunAsync(app,
            SimulatorHarness.Args(app, "--terminals", "3", "--ratings", "30", "--rate", "40", "--timeout", "20"), TimeSpan.FromSeconds(25));

        Assert.True(code == 0, string.Join("\n", lines));
        Assert.Equal("sent=90 acked=90", lines[^1]);
        var ratings = await SimulatorHarness.StoredOnceAsync(app, 90);
        Assert.Equal(["sim-0001", "sim-0002", "sim-0003"], ratings.Select(r => r.Terminal).Distinct().Order(StringComparer.Ordinal));
        Assert.All(ratings, r => Assert.True(r.ClockSynced));
    }

    [Fact]
    public async Task AnOutageInTheMiddleStillEndsWithEveryRatingStoredOnce()
    {
        await using var app = new TestApp();

        var (code, lines) = await SimulatorHarness.RunAsync(app,
            SimulatorHarness.Args(app, "--terminals", "2", "--ratings", "40", "--rate", "15", "--offline-after", "1", "--offline-for", "2", "--timeout", "25"),
            TimeSpan.FromSeconds(29));

        Assert.True(code == 0, string.Join("\n", lines));
        Assert.Contains(lines, l => l.StartsWith("offline for 2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("online=0/2", StringComparison.Ordinal));
        Assert.Equal("sent=80 acked=80", lines[^1]);
        await SimulatorHarness.StoredOnceAsync(app, 80);
    }

    [Fact]
    public async Task ASecondRunRotatesTheSecretAndContinuesTheBootCounter()
    {
        await using var app = new TestApp();

        var first = await SimulatorHarness.RunAsync(app, SimulatorHarness.Args(app, "--ratings", "2", "--rate", "50", "--timeout", "10"), TimeSpan.FromSeconds(15));
        var second = await SimulatorHarness.RunAsync(app, SimulatorHarness.Args(app, "--ratings", "3", "--rate", "50", "--timeout", "10"), TimeSpan.FromSeconds(15));

        Assert.Equal((0, "sent=2 acked=2"), (first.ExitCode, first.Lines[^1]));
        Assert.Equal((0, "sent=3 acked=3"), (second.ExitCode, second.Lines[^1]));
        var ratings = await SimulatorHarness.StoredOnceAsync(app, 5);
        Assert.Equal([1L, 2L], ratings.Select(r => r.Boot).Distinct().Order());
    }

    [Fact]
    public async Task AnUnreachableBrokerTimesOutWithANonZeroExitAndAMessage()
    {
        await using var app = new TestApp();
        var args = SimulatorHarness.Args(app, "--ratings", "1", "--rate", "50", "--timeout", "2");
        args[Array.IndexOf(args, "--broker") + 1] = "127.0.0.1:1"; // nothing listens on port 1

        var (code, lines) = await SimulatorHarness.RunAsync(app, args, TimeSpan.FromSeconds(10));

        Assert.Equal(1, code);
        Assert.Contains(lines, l => l.StartsWith("error: timed out", StringComparison.Ordinal));
        Assert.Equal("sent=0 acked=0", lines[^1]);
    }

    [Fact]
    public async Task KeyboardModeRatesWithTheTypedKeysInOrderAndIgnoresOtherKeys()
    {
        await using var app = new TestApp();

        // Real session timing (thank-you pause, 5 s minimum interval): the keys come 1.5 s apart, so the "2" is
        // typed 6 s after the "5", past the interval.
        var (code, lines) = await SimulatorHarness.RunAsync(app,
            SimulatorHarness.Args(app, "--keyboard", "--terminals", "4", "--ratings", "2", "--timeout", "30"), TimeSpan.FromSeconds(35),
            keys: "x5 \n92", keyGap: TimeSpan.FromSeconds(1.5));

        Assert.True(code == 0, string.Join("\n", lines));
        Assert.StartsWith("1 terminal(s)", lines[0], StringComparison.Ordinal); // --keyboard drives one terminal
        Assert.Contains(lines, l => l.StartsWith("[display] ", StringComparison.Ordinal));
        Assert.Equal("sent=2 acked=2", lines[^1]);
        var ratings = await SimulatorHarness.StoredOnceAsync(app, 2);
        Assert.Equal([5, 2], ratings.OrderBy(r => r.Seq).Select(r => r.Score));
    }

    [Fact]
    public async Task KeyboardModeStopsOnQ()
    {
        await using var app = new TestApp();

        var (code, lines) = await SimulatorHarness.RunAsync(app,
            SimulatorHarness.Args(app, "--keyboard", "--timeout", "30"), TimeSpan.FromSeconds(35), keys: "q");

        Assert.True(code == 0, string.Join("\n", lines)); // without --ratings, stopping is a normal end
        Assert.Equal("sent=0 acked=0", lines[^1]);
    }

    [Fact]
    public void TheBrokerDefaultsToTheServerHostOnPort1883()
    {
        var options = SimulatorOptions.Parse(["--server", "http://10.0.0.5:5080", "--api-token", "t"]);

        Assert.Equal(("10.0.0.5", 1883, 1, -1), (options.BrokerHost, options.BrokerPort, options.Terminals, options.Ratings));
    }

    [Fact]
    public void GivenCredentialsNeedNoServerAndSetTheTerminalCount()
    {
        var options = SimulatorOptions.Parse(["--credentials", "a:x,b:y", "--broker", "127.0.0.1:18830"]);

        Assert.Equal((2, "127.0.0.1", 18830), (options.Terminals, options.BrokerHost, options.BrokerPort));
        Assert.Throws<ArgumentException>(() => SimulatorOptions.Parse(["--terminals", "2"]));
    }
}
