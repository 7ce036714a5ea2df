namespace OneStop.Feedback.Evaluation.Calendar;

/// <summary>A calendar month in Vietnam time (UTC+7), the period of every evaluation report.</summary>
public readonly record struct Month
{
    public Month(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 12);
        Year = year;
        Number = number;
    }

    public int Year { get; }

    /// <summary>1 = January … 12 = December.</summary>
    public int Number { get; }

    public DateOnly FirstDay => new(Year, Number, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    /// <summary>00:00 UTC+7 on the first day, in UTC.</summary>
    public DateTimeOffset Start => VietnamTime.StartOf(FirstDay);

    /// <summary>00:00 UTC+7 on the first day of the next month, in UTC (exclusive end).</summary>
    public DateTimeOffset End => VietnamTime.StartOf(FirstDay.AddMonths(1));

    public bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>Every day of the month, in order.</summary>
    public IEnumerable<DateOnly> Days()
    {
        for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    public override string ToString() => $"{Year:D4}-{Number:D2}";
}
