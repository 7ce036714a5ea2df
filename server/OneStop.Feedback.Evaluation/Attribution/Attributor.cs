using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Organisation;

namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>
/// Attribution of a whole data set, counter-day by counter-day, for a full rebuild and for tests. The server
/// recomputes single counter-days with <see cref="CounterAttributor"/> instead.
/// </summary>
public static class Attributor
{
    /// <summary>
    /// Attributes every rating whose terminal has an assignment; ratings of never-assigned terminals cannot be placed
    /// and are left out. Output ordered by (counter, t, terminal, boot, seq).
    /// </summary>
    public static IReadOnlyList<AttributedRating> AttributeAll(
        IEnumerable<Rating> ratings,
        TerminalAssignments assignments,
        IEnumerable<ServiceEvent> serviceEvents,
        IEnumerable<Shift> shifts,
        Func<string, bool> requireServiceEvent,
        IReadOnlySet<RatingKey> voided,
        DateTimeOffset now,
        AttributionOptions options)
    {
        var byCounter = ratings
            .Select(r => (Rating: r, Counter: assignments.CounterAt(r.TerminalId, r.At)))
            .Where(x => x.Counter is not null)
            .GroupBy(x => x.Counter!, x => x.Rating, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var eventsByCounter = serviceEvents.ToLookup(e => e.CounterId, StringComparer.Ordinal);
        var shiftsByCounter = shifts.ToLookup(s => s.CounterId, StringComparer.Ordinal);

        var result = new List<AttributedRating>();
        foreach (var counter in byCounter.Keys.OrderBy(c => c, StringComparer.Ordinal))
        {
            var counterRatings = byCounter[counter];
            var counterEvents = eventsByCounter[counter].ToArray();
            var counterShifts = shiftsByCounter[counter].ToArray();
            var days = counterRatings.Select(r => VietnamTime.DayOf(r.At)).Distinct().Order();
            foreach (var day in days)
            {
                // Only the bounded slices AttributionScope names, exactly as the server loads a counter-day.
                var from = VietnamTime.StartOf(day);
                var to = VietnamTime.EndOf(day);
                var ratingsFrom = AttributionScope.RatingsFrom(from, options);
                var eventsFrom = AttributionScope.ServiceEventsFrom(from, options);
                var shiftsFrom = AttributionScope.ShiftsFrom(from, options);
                var input = CounterAttributionInput.ForDay(
                    counter,
                    day,
                    [.. counterRatings.Where(r => r.At >= ratingsFrom && r.At < to)],
                    [.. counterEvents.Where(e => e.At >= eventsFrom && e.At < to)],
                    [.. counterShifts.Where(s => s.Start < to && (s.End ?? now) > shiftsFrom)],
                    requireServiceEvent(counter),
                    voided,
                    now);
                result.AddRange(CounterAttributor.Attribute(input, options));
            }
        }
        return result;
    }
}
