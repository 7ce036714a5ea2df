using OneStop.Feedback.Evaluation.Calendar;
using static OneStop.Feedback.Evaluation.Tests.TestData;

namespace OneStop.Feedback.Evaluation.Tests.Calendar;

public class VietnamTimeTests
{
    [Fact]
    public void DayStartsAtSeventeenHundredUtcOfThePreviousDay()
    {
        var day = new DateOnly(2026, 3, 2);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 17, 0, 0, TimeSpan.Zero), VietnamTime.StartOf(day));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero), VietnamTime.EndOf(day));
    }

    [Fact]
    public void InstantOneMillisecondBeforeVietnamMidnightBelongsToThePreviousDay()
    {
        var midnight = new DateTimeOffset(2026, 3, 1, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 3, 1), VietnamTime.DayOf(midnight.AddMilliseconds(-1)));
        Assert.Equal(new DateOnly(2026, 3, 2), VietnamTime.DayOf(midnight));
    }

    [Fact]
    public void MonthIsTheCalendarMonthInUtcPlusSeven()
    {
        var march = new Month(2026, 3);
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 17, 0, 0, TimeSpan.Zero), march.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 17, 0, 0, TimeSpan.Zero), march.End);
        // 31 March 23:59:59.999 Vietnam time is 16:59:59.999 UTC, still March; one ms later is April.
        Assert.True(march.Contains(Vn("2026-03-31 23:59:59.999")));
        Assert.False(march.Contains(Vn("2026-04-01 00:00:00")));
        Assert.True(march.Contains(Vn("2026-03-01 00:00:00")));
        Assert.False(march.Contains(Vn("2026-02-28 23:59:59.999")));
        Assert.Equal(new Month(2026, 4), VietnamTime.MonthOf(new DateTimeOffset(2026, 3, 31, 17, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void MonthListsAllItsDays()
    {
        Assert.Equal(28, new Month(2026, 2).Days().Count());
        Assert.Equal(29, new Month(2028, 2).Days().Count());
        Assert.Equal("2026-02", new Month(2026, 2).ToString());
    }
}
