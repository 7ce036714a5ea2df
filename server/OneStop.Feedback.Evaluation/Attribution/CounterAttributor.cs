namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>
/// Attribution of the ratings of one counter: a pure function of (ratings, service events, shifts, config), so a
/// counter-day can be recomputed whenever late data arrives and the result is the same whatever the arrival order.
/// </summary>
public static class CounterAttributor
{
    /// <summary>Attributes the ratings with From ≤ t &lt; To, ordered by (t, terminal, boot, seq).</summary>
    public static IReadOnlyList<AttributedRating> Attribute(CounterAttributionInput input, AttributionOptions options)
    {
        // The processing order of the rules: (t, terminal, boot, seq). Within one terminal this is (t, boot, seq).
        var ratings = input.Ratings.OrderBy(r => r.At).ThenBy(r => r.Key).ToArray();
        var events = input.ServiceEvents
            .Where(e => string.Equals(e.CounterId, input.CounterId, StringComparison.Ordinal))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToArray();
        var shifts = new ShiftTimeline(
            input.Shifts.Where(s => string.Equals(s.CounterId, input.CounterId, StringComparison.Ordinal)), input.Now);

        var tooSoon = TooSoon(ratings, options.MinInterval);
        var taken = new HashSet<long>();
        var result = new List<AttributedRating>();
        for (var i = 0; i < ratings.Length; i++)
        {
            var rating = ratings[i];
            var flags = tooSoon[i] ? RatingFlags.TooSoon : RatingFlags.None;
            ServiceEvent? took = null;
            if (!tooSoon[i])
            {
                var latest = LatestAtOrBefore(events, rating.At);
                if (latest is not null && latest.At >= rating.At - options.Window)
                {
                    if (taken.Add(latest.Id))
                    {
                        took = latest;
                    }
                    else
                    {
                        flags |= RatingFlags.DuplicateForDossier;
                    }
                }
                else if (input.RequireServiceEvent)
                {
                    flags |= RatingFlags.NoService;
                }
            }
            if (rating.At < input.From || rating.At >= input.To)
            {
                // Context only: earlier ratings decide too-soon and which events are taken, but are not ours to report.
                continue;
            }
            if (input.Voided.Contains(rating.Key))
            {
                flags |= RatingFlags.Voided;
            }
            if (!rating.ClockSynced)
            {
                flags |= RatingFlags.ClockUnsynced;
            }
            var (officer, method) = Officer(rating, took, shifts);
            result.Add(new AttributedRating(rating, input.CounterId, flags, officer, method, took?.Id, took?.Dossier));
        }
        return result;
    }

    /// <summary>Rule 1: a press less than the minimum interval after the terminal's previous press (flagged or not).</summary>
    private static bool[] TooSoon(Rating[] ordered, TimeSpan minInterval)
    {
        var flags = new bool[ordered.Length];
        var previous = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Length; i++)
        {
            var rating = ordered[i];
            if (previous.TryGetValue(rating.TerminalId, out var last) && rating.At - last < minInterval)
            {
                flags[i] = true;
            }
            previous[rating.TerminalId] = rating.At;
        }
        return flags;
    }

    /// <summary>The last event by (At, Id) with At ≤ t, by binary search over the sorted events.</summary>
    private static ServiceEvent? LatestAtOrBefore(ServiceEvent[] sorted, DateTimeOffset t)
    {
        int low = 0, high = sorted.Length - 1, found = -1;
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            if (sorted[mid].At <= t)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return found < 0 ? null : sorted[found];
    }

    /// <summary>Rule 4: the event's officer, else the shift at the event's time; without an event, the shift at t.</summary>
    private static (string? Officer, AttributionMethod Method) Officer(Rating rating, ServiceEvent? took, ShiftTimeline shifts)
    {
        if (took is not null)
        {
            if (took.OfficerId is not null)
            {
                return (took.OfficerId, AttributionMethod.ServiceEvent);
            }
            var atEvent = shifts.At(took.At);
            return atEvent is null ? (null, AttributionMethod.None) : (atEvent.OfficerId, AttributionMethod.Shift);
        }
        var atRating = shifts.At(rating.At);
        return atRating is null ? (null, AttributionMethod.None) : (atRating.OfficerId, AttributionMethod.Shift);
    }
}
