using OneStop.Feedback.Evaluation.Attribution;
using static OneStop.Feedback.Evaluation.Tests.TestData;

namespace OneStop.Feedback.Evaluation.Tests.Attribution;

public class TooSoonTests
{
    [Fact]
    public void PressLessThanFiveSecondsAfterThePreviousPressIsTooSoonEvenWhenThatOneWasFlagged()
    {
        Rating[] ratings =
        [
            Press("T1", 1, "2026-03-02 08:00:00"),
            Press("T1", 2, "2026-03-02 08:00:04.999"), // 4.999 s: too soon
            Press("T1", 3, "2026-03-02 08:00:09"),     // 4.001 s after the flagged press: too soon
            Press("T1", 4, "2026-03-02 08:00:14"),     // exactly 5 s: not "less than", so fine
        ];
        var result = AttributeDay("2026-03-02", Shuffled(ratings, 7));
        Assert.Equal(
            [RatingFlags.None, RatingFlags.TooSoon, RatingFlags.TooSoon, RatingFlags.None],
            result.Select(r => r.Flags));
    }

    [Fact]
    public void PressesOfDifferentTerminalsDoNotMakeEachOtherTooSoon()
    {
        Rating[] ratings = [Press("T1", 1, "2026-03-02 08:00:00"), Press("T2", 1, "2026-03-02 08:00:01")];
        Assert.All(AttributeDay("2026-03-02", ratings), r => Assert.Equal(RatingFlags.None, r.Flags));
    }

    [Fact]
    public void PressesAtTheSameInstantAreOrderedByBootThenSeq()
    {
        Rating[] ratings =
        [
            Press("T1", 9, "2026-03-02 08:00:00", boot: 2),
            Press("T1", 5, "2026-03-02 08:00:00", boot: 1),
        ];
        var result = AttributeDay("2026-03-02", ratings);
        Assert.Equal((1L, RatingFlags.None), (result[0].Rating.Boot, result[0].Flags));
        Assert.Equal((2L, RatingFlags.TooSoon), (result[1].Rating.Boot, result[1].Flags));
    }

    [Fact]
    public void PreviousPressJustBeforeMidnightMakesTheFirstPressOfTheDayTooSoon()
    {
        Rating[] ratings = [Press("T1", 1, "2026-03-01 23:59:58"), Press("T1", 2, "2026-03-02 00:00:01")];
        var result = AttributeDay("2026-03-02", ratings);
        Assert.Equal(RatingFlags.TooSoon, Assert.Single(result).Flags);
    }

    [Fact]
    public void MinimumIntervalIsConfigurable()
    {
        Rating[] ratings = [Press("T1", 1, "2026-03-02 08:00:00"), Press("T1", 2, "2026-03-02 08:00:08")];
        var input = CounterAttributionInput.ForDay("C1", new DateOnly(2026, 3, 2), ratings, [], [], false, NoneVoided, Vn("2030-01-01 00:00:00"));
        var result = CounterAttributor.Attribute(input, new AttributionOptions { MinIntervalSeconds = 10 });
        Assert.Equal(RatingFlags.TooSoon, result[1].Flags);
    }
}
