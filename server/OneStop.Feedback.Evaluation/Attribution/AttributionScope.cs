using OneStop.Feedback.Evaluation.Calendar;

namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>
/// The bounded time ranges attribution reads and writes. A rating at t depends only on service events in
/// [t − W, t], on the counter's non-too-soon ratings in [t − W, t] (who could have taken the same event) and on the
/// terminal's previous press within MinInterval; docs/evaluation.md has the argument.
/// </summary>
public static class AttributionScope
{
    /// <summary>Load ratings of the counter with t in [return value, to).</summary>
    public static DateTimeOffset RatingsFrom(DateTimeOffset from, AttributionOptions options) =>
        from - options.Window - options.MinInterval;

    /// <summary>Load service events of the counter with at in [return value, to).</summary>
    public static DateTimeOffset ServiceEventsFrom(DateTimeOffset from, AttributionOptions options) => from - options.Window;

    /// <summary>Load shifts of the counter that overlap [return value, to): events as old as From − W need an officer.</summary>
    public static DateTimeOffset ShiftsFrom(DateTimeOffset from, AttributionOptions options) => from - options.Window;

    /// <summary>
    /// A new rating at t changes its own day, ratings up to t + W (one may lose its event to it) and the terminal's
    /// next press within MinInterval, which may become too-soon and so free its event for ratings up to W after it:
    /// together [t, t + MinInterval + W].
    /// </summary>
    public static IReadOnlyList<CounterDay> AffectedByRating(string counterId, DateTimeOffset at, AttributionOptions options) =>
        Days(counterId, at, at + options.MinInterval + options.Window);

    /// <summary>A new or changed service event at `at` can be taken by ratings in [at, at + W] and is counted on its own day.</summary>
    public static IReadOnlyList<CounterDay> AffectedByServiceEvent(ServiceEvent serviceEvent, AttributionOptions options) =>
        Days(serviceEvent.CounterId, serviceEvent.At, serviceEvent.At + options.Window);

    /// <summary>
    /// A new, changed or deleted shift names the officer of ratings in [Start, End) and of ratings that took an event
    /// in [Start, End), which lie up to W later. An open shift reaches until now. Call with the old and new version.
    /// </summary>
    public static IReadOnlyList<CounterDay> AffectedByShift(Shift shift, DateTimeOffset now, AttributionOptions options) =>
        Days(shift.CounterId, shift.Start, (shift.End ?? now) + options.Window);

    /// <summary>
    /// A terminal moved (or its assignment was corrected) at <paramref name="from"/>: its ratings in [from, until)
    /// change counter, so both counters are recomputed up to W + MinInterval after. For a terminal's first
    /// assignment, which also covers the time before it, pass its first rating's time as from.
    /// </summary>
    public static IReadOnlyList<CounterDay> AffectedByTerminalMove(
        string oldCounterId, string newCounterId, DateTimeOffset from, DateTimeOffset until, AttributionOptions options)
    {
        var end = until + options.MinInterval + options.Window;
        return [.. Days(oldCounterId, from, end).Concat(Days(newCounterId, from, end)).Distinct().Order()];
    }

    /// <summary>An accepted appeal changes only the rating itself (it keeps its event: the press happened).</summary>
    public static IReadOnlyList<CounterDay> AffectedByAppeal(string counterId, DateTimeOffset at) => Days(counterId, at, at);

    private static CounterDay[] Days(string counterId, DateTimeOffset from, DateTimeOffset to)
    {
        var days = new List<CounterDay>();
        for (var day = VietnamTime.DayOf(from); day <= VietnamTime.DayOf(to); day = day.AddDays(1))
        {
            days.Add(new CounterDay(counterId, day));
        }
        return [.. days];
    }
}
