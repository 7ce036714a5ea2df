using OneStop.Feedback.Firmware.Core.Connectivity;

namespace OneStop.Feedback.Firmware.Tests.Connectivity;

public class ConnectivityTests
{
    [Fact]
    public void BackoffDoublesFromOneSecondUpToSixtyWithoutJitter()
    {
        var policy = new ReconnectPolicy(new FixedRandom(0));
        var delays = Enumerable.Range(0, 9).Select(_ => policy.Failed(0)).ToArray();

        Assert.Equal([1000L, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000], delays);
        Assert.Equal(9, policy.Failures);
    }

    [Fact]
    public void JitterShortensADelayByAtMostHalf()
    {
        var policy = new ReconnectPolicy(new FixedRandom(int.MaxValue));

        Assert.Equal(500, policy.Failed(0));
        Assert.Equal(1000, policy.Failed(0));
    }

    [Fact]
    public void SuccessResetsTheBackoffAndRetryWaitsForTheDelay()
    {
        var policy = new ReconnectPolicy(new FixedRandom(0));
        policy.Failed(0);
        var delay = policy.Failed(10_000);

        Assert.False(policy.ShouldTry(10_000 + delay - 1));
        Assert.True(policy.ShouldTry(10_000 + delay));
        policy.Succeeded();
        Assert.True(policy.ShouldTry(0));
        Assert.Equal(1000, policy.Failed(0));
    }

    [Fact]
    public void WatchdogExpiresOnlyWhenNotFedInTime()
    {
        var watchdog = new SoftwareWatchdog(30_000, 0);

        Assert.False(watchdog.Expired(30_000));
        watchdog.Feed(25_000);
        Assert.False(watchdog.Expired(55_000));
        Assert.True(watchdog.Expired(55_001));
    }

    [Fact]
    public void SameCardWithinThreeSecondsIsOneTap()
    {
        var filter = new BadgeFilter();
        byte[] card = [0x04, 0xA1, 0xB2, 0xC3];

        Assert.True(filter.IsNewTap(card, 0));
        Assert.False(filter.IsNewTap(card, 1000));
        Assert.False(filter.IsNewTap(card, 3500));
        Assert.True(filter.IsNewTap(card, 7000));
        Assert.True(filter.IsNewTap([0x04, 0xA1, 0xB2, 0xC4], 7100));
        Assert.True(filter.IsNewTap(card, 7200));
    }

    private sealed class FixedRandom(int value) : IRandomSource
    {
        public int NextBelow(int maxExclusive) => Math.Min(value, maxExclusive - 1);
    }

    [Fact]
    public void MisreadCardIdsAreNeverTaps()
    {
        var filter = new BadgeFilter();

        Assert.False(filter.IsNewTap([0x04, 0xA1, 0xB2], 0));         // 3 bytes: shorter than any ISO 14443-A id
        Assert.False(filter.IsNewTap(new byte[11], 100));             // longer than a triple-size id
        Assert.False(filter.IsNewTap(null!, 200));
        Assert.True(filter.IsNewTap([0x04, 0xA1, 0xB2, 0xC3], 300)); // the misreads did not count as a previous card
        Assert.True(BadgeFilter.IsValidUid(new byte[10]));
        Assert.False(BadgeFilter.IsValidUid([]));
    }
}
