using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Evaluation.Calendar;

namespace OneStop.Feedback.Evaluation.Evaluation;

/// <summary>
/// Builds the daily aggregates of one day from its attributed ratings and service events. Run it for a counter-day
/// after each recomputation and replace that counter-day's rows.
/// </summary>
public static class DailyAggregator
{
    /// <summary>
    /// Aggregates per (counter, officer) of <paramref name="day"/>, ordered by counter then officer (null first).
    /// Ratings and events of other days are ignored; a service event's officer is the one it names, else the officer
    /// of the shift at its counter at its time (the same rule as attribution).
    /// </summary>
    public static IReadOnlyList<DailyAggregate> Build(
        DateOnly day,
        IEnumerable<AttributedRating> ratings,
        IEnumerable<ServiceEvent> serviceEvents,
        IEnumerable<Shift> shifts,
        DateTimeOffset now)
    {
        // Ordinal order, never culture order: the output must be the same on every server.
        var tallies = new SortedDictionary<(string Counter, string Officer), (string? Officer, Tally Tally)>(
            Comparer<(string Counter, string Officer)>.Create((a, b) =>
            {
                var byCounter = string.CompareOrdinal(a.Counter, b.Counter);
                return byCounter != 0 ? byCounter : string.CompareOrdinal(a.Officer, b.Officer);
            }));

        Tally TallyOf(string counter, string? officer)
        {
            // "" sorts before any real id, which puts the no-officer row first.
            var key = (counter, officer ?? "");
            if (!tallies.TryGetValue(key, out var entry))
            {
                entry = (officer, new Tally());
                tallies.Add(key, entry);
            }
            return entry.Tally;
        }

        foreach (var rating in ratings.Where(r => VietnamTime.DayOf(r.At) == day))
        {
            TallyOf(rating.CounterId, rating.OfficerId).Add(rating);
        }

        var timelines = shifts
            .GroupBy(s => s.CounterId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new ShiftTimeline(g, now), StringComparer.Ordinal);
        foreach (var serviceEvent in serviceEvents.Where(e => VietnamTime.DayOf(e.At) == day))
        {
            var officer = serviceEvent.OfficerId
                ?? (timelines.TryGetValue(serviceEvent.CounterId, out var timeline) ? timeline.At(serviceEvent.At)?.OfficerId : null);
            TallyOf(serviceEvent.CounterId, officer).AddService();
        }

        return tallies.Select(t => t.Value.Tally.ToAggregate(day, t.Key.Counter, t.Value.Officer)).ToArray();
    }
}
