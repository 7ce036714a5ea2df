using OneStop.Feedback.Evaluation.Alerts;
using OneStop.Feedback.Evaluation.Attribution;
using static OneStop.Feedback.Evaluation.Tests.TestData;

namespace OneStop.Feedback.Evaluation.Tests.Alerts;

public class AlertMonitorTests
{
    [Fact]
    public void HalfLowRatingsOnFourRatingsWithinFifteenMinutesRaisesOnceAndClearsWhenTheWindowRecovers()
    {
        var monitor = new AlertMonitor(new AlertOptions());
        Assert.Null(monitor.Observe("U1", Vn("2026-03-02 08:00:00"), 5, 1));
        Assert.Null(monitor.Observe("U1", Vn("2026-03-02 08:01:00"), 5, 5));
        Assert.Null(monitor.Observe("U1", Vn("2026-03-02 08:02:00"), 5, 2)); // 2 of 3 low, but fewer than 4 ratings
        var raised = monitor.Observe("U1", Vn("2026-03-02 08:03:00"), 5, 5);      // 2 of 4 = 50 %
        Assert.Equal(new AlertTransition("U1", AlertChange.Raised, Vn("2026-03-02 08:03:00"), 4, 2), raised);
        Assert.Null(monitor.Observe("U1", Vn("2026-03-02 08:04:00"), 5, 1));      // still alarming: no second alert
        Assert.Equal(["U1"], monitor.ActiveUnits);
        Assert.Null(monitor.Observe("U1", Vn("2026-03-02 08:05:00"), 5, 5));      // 3 of 6 = 50 %: still raised
        var cleared = monitor.Observe("U1", Vn("2026-03-02 08:06:00"), 5, 5);     // 3 of 7 < 50 %
        Assert.Equal(new AlertTransition("U1", AlertChange.Cleared, Vn("2026-03-02 08:06:00"), 7, 3), cleared);
        Assert.Empty(monitor.ActiveUnits);
    }

    [Fact]
    public void RatingExactlyFifteenMinutesOldHasLeftTheWindow()
    {
        var monitor = new AlertMonitor(new AlertOptions());
        monitor.Observe("U1", Vn("2026-03-02 08:00:00"), 4, 1);
        monitor.Observe("U1", Vn("2026-03-02 08:05:00"), 4, 1);
        monitor.Observe("U1", Vn("2026-03-02 08:10:00"), 4, 4);
        // At 08:15 the 08:00 rating is out: 3 ratings, no alert. At 08:14:59.999 it would have been 4 with 2 low.
        Assert.Null(monitor.Observe("U1", Vn("2026-03-02 08:15:00"), 4, 4));

        var other = new AlertMonitor(new AlertOptions());
        other.Observe("U1", Vn("2026-03-02 08:00:00"), 4, 1);
        other.Observe("U1", Vn("2026-03-02 08:05:00"), 4, 1);
        other.Observe("U1", Vn("2026-03-02 08:10:00"), 4, 4);
        Assert.Equal(AlertChange.Raised, other.Observe("U1", Vn("2026-03-02 08:14:59.999"), 4, 4)!.Change);
    }

    [Fact]
    public void AlertClearsWhenTimePassesWithoutRatings()
    {
        var monitor = new AlertMonitor(new AlertOptions());
        for (var i = 0; i < 4; i++)
        {
            monitor.Observe("U1", Vn($"2026-03-02 08:0{i}:00"), 5, 1);
        }
        Assert.Equal(["U1"], monitor.ActiveUnits);
        Assert.Empty(monitor.Advance(Vn("2026-03-02 08:14:59.999")));              // all 4 still inside
        // At 08:15 the 08:00 rating leaves: 3 ratings are fewer than the rule's 4, so the alert condition no longer holds.
        var cleared = Assert.Single(monitor.Advance(Vn("2026-03-02 08:15:00")));
        Assert.Equal((AlertChange.Cleared, 3, 3), (cleared.Change, cleared.Ratings, cleared.Low));
        Assert.Empty(monitor.Advance(Vn("2026-03-02 09:00:00")));
    }

    [Fact]
    public void UnitsAreWatchedApartWithTheirOwnRules()
    {
        var strict = new AlertOptions { MinRatings = 2, LowShare = 1.0 };
        var monitor = new AlertMonitor(new AlertOptions(), new Dictionary<string, AlertOptions> { ["U2"] = strict });
        monitor.Observe("U1", Vn("2026-03-02 08:00:00"), 5, 1);
        monitor.Observe("U2", Vn("2026-03-02 08:00:00"), 5, 1);
        Assert.Null(monitor.Observe("U1", Vn("2026-03-02 08:01:00"), 5, 1));
        Assert.Equal(AlertChange.Raised, monitor.Observe("U2", Vn("2026-03-02 08:01:00"), 5, 2)!.Change);
    }

    [Fact]
    public void LowestTwoLevelsNeverIncludeASatisfiedLevel()
    {
        var options = new AlertOptions();
        Assert.True(options.IsLow(5, 2));
        Assert.False(options.IsLow(5, 3));
        Assert.True(options.IsLow(4, 2));
        Assert.True(options.IsLow(3, 1));
        Assert.False(options.IsLow(3, 2)); // "Hài lòng" on the 3-level scale
    }

    [Fact]
    public void ExcludedRatingsAreIgnoredAndOlderRatingsAreRefused()
    {
        var monitor = new AlertMonitor(new AlertOptions { MinRatings = 1 });
        Assert.Null(monitor.Observe("U1", Attributed("C1", null, "2026-03-02 08:00:00", 1, 5, RatingFlags.TooSoon)));
        Assert.Empty(monitor.ActiveUnits);
        Assert.NotNull(monitor.Observe("U1", Attributed("C1", null, "2026-03-02 08:01:00", 1, 5)));
        Assert.Throws<ArgumentException>(() => monitor.Observe("U1", Vn("2026-03-02 08:00:59"), 5, 5));
    }
}
