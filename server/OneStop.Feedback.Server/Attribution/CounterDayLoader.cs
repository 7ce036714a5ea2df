using System.Data.Common;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Organisation;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Attribution;

/// <summary>
/// Loads exactly what the attribution of one counter-day needs (the bounded slices <see cref="AttributionScope"/>
/// names): ratings of every terminal that stood at the counter, service events, shifts, and voided appeals.
/// </summary>
public static class CounterDayLoader
{
    public sealed record Loaded(CounterAttributionInput Input, IReadOnlyDictionary<RatingKey, long> RatingIds, IReadOnlyList<ServiceEvent> DayEvents, IReadOnlyList<Shift> Shifts);

    public static Loaded Load(DbConnection c, CounterDay counterDay, AttributionOptions options, DateTimeOffset now)
    {
        var from = VietnamTime.StartOf(counterDay.Day);
        var to = VietnamTime.EndOf(counterDay.Day);
        var counter = counterDay.CounterId;

        var assignments = new TerminalAssignments(c.Query("""
            SELECT terminal_id, counter_id, from_at FROM terminal_assignments
            WHERE terminal_id IN (SELECT terminal_id FROM terminal_assignments WHERE counter_id = $c)
            """, r => new TerminalAssignment(r.GetString(0), r.GetString(1), r.Time(2)), ("$c", counter)));
        var ratingsFrom = AttributionScope.RatingsFrom(from, options).ToUnixTimeMilliseconds();
        var ids = new Dictionary<RatingKey, long>();
        var ratings = c.Query("""
            SELECT r.id, r.terminal_id, r.boot, r.seq, r.terminal_ts, r.received_at, r.clock_synced, r.scale, r.score,
                   r.listen, r.explain, r.trust, r.apologize, r.thank
            FROM ratings r
            WHERE r.terminal_id IN (SELECT terminal_id FROM terminal_assignments WHERE counter_id = $c)
              AND r.occurred_at >= $from AND r.occurred_at < $to
            """, r =>
            {
                int? C(int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
                var rating = new Rating(r.GetString(1), r.GetInt64(2), r.GetInt64(3),
                    r.GetInt64(6) == 1 ? DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)) : null,
                    r.Time(5), r.GetInt32(7), r.GetInt32(8), new CriterionAnswers(C(9), C(10), C(11), C(12), C(13)));
                ids[rating.Key] = r.GetInt64(0);
                return rating;
            }, ("$c", counter), ("$from", ratingsFrom), ("$to", to.ToUnixTimeMilliseconds()))
            .Where(r => assignments.CounterAt(r.TerminalId, r.At) == counter)
            .ToList();

        var events = c.Query("""
            SELECT id, dossier, procedure, kind, counter_id, officer_id, at, due FROM service_events
            WHERE counter_id = $c AND at >= $from AND at < $to
            """, r => new ServiceEvent(r.GetInt64(0), r.GetString(1), r.NullableString(2), r.GetString(3) == "returned" ? ServiceEventKind.Returned : ServiceEventKind.Received,
                r.GetString(4), r.NullableString(5), r.Time(6), r.NullableTime(7)),
            ("$c", counter), ("$from", AttributionScope.ServiceEventsFrom(from, options).ToUnixTimeMilliseconds()), ("$to", to.ToUnixTimeMilliseconds()));

        var shifts = c.Query("""
            SELECT id, officer_id, counter_id, start_at, end_at FROM shifts
            WHERE counter_id = $c AND start_at < $to AND (end_at IS NULL OR end_at > $from)
            """, r => new Shift(r.GetInt64(0), r.GetString(1), r.GetString(2), r.Time(3), r.NullableTime(4)),
            ("$c", counter), ("$from", AttributionScope.ShiftsFrom(from, options).ToUnixTimeMilliseconds()), ("$to", to.ToUnixTimeMilliseconds()));

        var voided = c.Query("""
            SELECT r.terminal_id, r.boot, r.seq FROM appeals a JOIN ratings r ON r.id = a.rating_id
            WHERE a.status = 'accepted' AND r.occurred_at >= $from AND r.occurred_at < $to
            """, r => new RatingKey(r.GetString(0), r.GetInt64(1), r.GetInt64(2)), ("$from", ratingsFrom), ("$to", to.ToUnixTimeMilliseconds())).ToHashSet();

        var requireService = Convert.ToInt64(c.Scalar("""
            SELECT coalesce((SELECT u.require_service_event FROM counters k JOIN units u ON u.id = k.unit_id WHERE k.id = $c), 0)
            """, ("$c", counter)), System.Globalization.CultureInfo.InvariantCulture) == 1;

        var input = CounterAttributionInput.ForDay(counter, counterDay.Day, ratings, events, shifts, requireService, voided, now);
        var dayEvents = events.Where(e => e.At >= from).ToList();
        return new Loaded(input, ids, dayEvents, shifts);
    }
}
