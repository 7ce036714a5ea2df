namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>The unit of recomputation: the ratings of one counter on one Vietnamese day.</summary>
public readonly record struct CounterDay(string CounterId, DateOnly Day) : IComparable<CounterDay>
{
    public int CompareTo(CounterDay other)
    {
        var byCounter = string.CompareOrdinal(CounterId, other.CounterId);
        return byCounter != 0 ? byCounter : Day.CompareTo(other.Day);
    }

    public static bool operator <(CounterDay left, CounterDay right) => left.CompareTo(right) < 0;

    public static bool operator <=(CounterDay left, CounterDay right) => left.CompareTo(right) <= 0;

    public static bool operator >(CounterDay left, CounterDay right) => left.CompareTo(right) > 0;

    public static bool operator >=(CounterDay left, CounterDay right) => left.CompareTo(right) >= 0;
}
