using OneStop.Feedback.Evaluation.Calendar;

namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>
/// Everything the attribution of one counter over [From, To) depends on. Load with <see cref="AttributionScope"/>:
/// ratings from From − W − MinInterval, service events from From − W, shifts overlapping [From − W, To).
/// Extra data outside those ranges is allowed and does not change the result.
/// </summary>
/// <param name="Ratings">Ratings whose terminal stood at this counter at the rating's time.</param>
/// <param name="Voided">Ratings with an accepted appeal.</param>
/// <param name="Now">The end of open shifts.</param>
public sealed record CounterAttributionInput(
    string CounterId,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyCollection<Rating> Ratings,
    IReadOnlyCollection<ServiceEvent> ServiceEvents,
    IReadOnlyCollection<Shift> Shifts,
    bool RequireServiceEvent,
    IReadOnlySet<RatingKey> Voided,
    DateTimeOffset Now)
{
    /// <summary>The input for one counter-day (Vietnamese day), the unit of recomputation.</summary>
    public static CounterAttributionInput ForDay(
        string counterId,
        DateOnly day,
        IReadOnlyCollection<Rating> ratings,
        IReadOnlyCollection<ServiceEvent> serviceEvents,
        IReadOnlyCollection<Shift> shifts,
        bool requireServiceEvent,
        IReadOnlySet<RatingKey> voided,
        DateTimeOffset now) =>
        new(counterId, VietnamTime.StartOf(day), VietnamTime.EndOf(day), ratings, serviceEvents, shifts,
            requireServiceEvent, voided, now);
}
