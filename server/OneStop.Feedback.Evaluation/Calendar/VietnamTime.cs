namespace OneStop.Feedback.Evaluation.Calendar;

/// <summary>
/// Days and months in Asia/Ho_Chi_Minh. Vietnam has used UTC+7 without daylight saving since 1975, so a fixed
/// offset is exact for every date the system will see, and it does not depend on the host's tz database.
/// </summary>
public static class VietnamTime
{
    /// <summary>The fixed offset of Asia/Ho_Chi_Minh.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The Vietnamese calendar day an instant falls in.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The first instant (00:00 UTC+7) of a Vietnamese day, expressed in UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>The first instant of the next day: days are half-open ranges [start, end).</summary>
    public static DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1));

    /// <summary>The Vietnamese calendar month an instant falls in.</summary>
    public static Month MonthOf(DateTimeOffset instant)
    {
        var day = DayOf(instant);
        return new Month(day.Year, day.Month);
    }
}
