using OneStop.Feedback.Evaluation.Attribution;
using static OneStop.Feedback.Evaluation.Tests.TestData;

namespace OneStop.Feedback.Evaluation.Tests.Attribution;

public class RecomputationTests
{
    private static readonly HashSet<RatingKey> Voided = [];

    [Fact]
    public void RatingAfterMidnightSeesTheEventTakenByARatingBeforeMidnight()
    {
        ServiceEvent[] events = [Received(1, "D1", "C1", "2026-03-01 23:55:00")];
        Rating[] ratings = [Press("T1", 1, "2026-03-01 23:58:00"), Press("T2", 1, "2026-03-02 00:02:00")];
        var dayTwo = AttributeDay("2026-03-02", ratings, events);
        Assert.Equal(RatingFlags.DuplicateForDossier, Assert.Single(dayTwo).Flags);
        // Without the rating before midnight, the event is free and the rating after midnight takes it.
        Assert.Equal(1L, AttributeDay("2026-03-02", [ratings[1]], events)[0].ServiceEventId);
        Assert.Equal(1L, Assert.Single(AttributeDay("2026-03-01", ratings, events)).ServiceEventId);
    }

    [Fact]
    public void NewFactsNameTheCounterDaysTheyAffect()
    {
        var options = Options;
        Assert.Equal(
            [new CounterDay("C1", new DateOnly(2026, 3, 1)), new CounterDay("C1", new DateOnly(2026, 3, 2))],
            AttributionScope.AffectedByRating("C1", Vn("2026-03-01 23:55:00"), options));
        // t + 5 s + 10 min: 23:49:54.999 stays on its day, 23:49:55 reaches midnight.
        Assert.Equal([new CounterDay("C1", new DateOnly(2026, 3, 1))], AttributionScope.AffectedByRating("C1", Vn("2026-03-01 23:49:54.999"), options));
        Assert.Equal(2, AttributionScope.AffectedByRating("C1", Vn("2026-03-01 23:49:55"), options).Count);
        Assert.Equal(
            [
                new CounterDay("C1", new DateOnly(2026, 3, 1)), new CounterDay("C1", new DateOnly(2026, 3, 2)),
                new CounterDay("C2", new DateOnly(2026, 3, 1)), new CounterDay("C2", new DateOnly(2026, 3, 2)),
            ],
            AttributionScope.AffectedByTerminalMove("C2", "C1", Vn("2026-03-01 22:00:00"), Vn("2026-03-01 23:50:00"), options));
        Assert.Equal(
            [new CounterDay("C1", new DateOnly(2026, 3, 1)), new CounterDay("C1", new DateOnly(2026, 3, 2))],
            AttributionScope.AffectedByServiceEvent(Received(1, "D1", "C1", "2026-03-01 23:50:00"), options));
        Assert.Equal(
            [new CounterDay("C1", new DateOnly(2026, 3, 1))],
            AttributionScope.AffectedByServiceEvent(Received(1, "D1", "C1", "2026-03-01 23:49:59.999"), options));
        Assert.Equal(
            [new CounterDay("C2", new DateOnly(2026, 3, 1)), new CounterDay("C2", new DateOnly(2026, 3, 2)), new CounterDay("C2", new DateOnly(2026, 3, 3))],
            AttributionScope.AffectedByShift(ShiftOf(1, "A", "C2", "2026-03-01 22:00:00"), Vn("2026-03-03 08:00:00"), options));
        Assert.Equal([new CounterDay("C1", new DateOnly(2026, 3, 1))], AttributionScope.AffectedByAppeal("C1", Vn("2026-03-01 23:59:00")));
        Assert.Equal(Vn("2026-03-01 23:49:55"), AttributionScope.RatingsFrom(Vn("2026-03-02 00:00:00"), options));
        Assert.Equal(Vn("2026-03-01 23:50:00"), AttributionScope.ServiceEventsFrom(Vn("2026-03-02 00:00:00"), options));
    }

    [Fact]
    public void LatePressThatMakesTheNextPressTooSoonFreesItsEventForARatingAfterMidnight()
    {
        ServiceEvent[] events = [Received(1, "D1", "C1", "2026-03-01 23:50:01")];
        var r = Press("T1", 2, "2026-03-01 23:50:01");
        var r2 = Press("T2", 1, "2026-03-02 00:00:00.500");
        Assert.Equal(RatingFlags.DuplicateForDossier, AttributeDay("2026-03-02", [r, r2], events)[0].Flags);

        // The press before r arrives a day late (buffered). r becomes too-soon, so r2 now takes the event.
        var late = Press("T1", 1, "2026-03-01 23:49:57");
        var affected = AttributionScope.AffectedByRating("C1", late.At, Options);
        Assert.Contains(new CounterDay("C1", new DateOnly(2026, 3, 2)), affected);
        var dayTwo = AttributeDay("2026-03-02", [late, r, r2], events);
        Assert.Equal((RatingFlags.None, (long?)1), (dayTwo[0].Flags, dayTwo[0].ServiceEventId));
        Assert.Equal(RatingFlags.TooSoon, AttributeDay("2026-03-01", [late, r, r2], events)[1].Flags);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void CounterDaysFromBoundedInputsEqualOneRunOverAllData(int seed)
    {
        var data = RandomCounterData.Create(seed);
        var perDay = AttributeAll(data, data.Ratings, data.Events, data.Shifts);
        var whole = new List<AttributedRating>();
        foreach (var counter in RandomCounterData.Counters)
        {
            var ratings = data.Ratings.Where(r => data.Assignments.CounterAt(r.TerminalId, r.At) == counter).ToArray();
            var input = new CounterAttributionInput(
                counter, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, ratings, data.Events, data.Shifts, false, Voided, data.Now);
            whole.AddRange(CounterAttributor.Attribute(input, Options));
        }
        Assert.Equal(whole, perDay);
        Assert.Contains(perDay, r => r.Flags.HasFlag(RatingFlags.TooSoon));
        Assert.Contains(perDay, r => r.Flags.HasFlag(RatingFlags.DuplicateForDossier));
        Assert.Contains(perDay, r => r.Method == AttributionMethod.ServiceEvent);
        Assert.Contains(perDay, r => r.Method == AttributionMethod.Shift);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void SameDataInAnyOrderGivesTheSameAttribution(int seed)
    {
        var data = RandomCounterData.Create(seed);
        var expected = AttributeAll(data, data.Ratings, data.Events, data.Shifts);
        for (var shuffle = 0; shuffle < 3; shuffle++)
        {
            var actual = AttributeAll(
                data, Shuffled(data.Ratings, seed * 10 + shuffle), Shuffled(data.Events, seed * 20 + shuffle), Shuffled(data.Shifts, seed * 30 + shuffle));
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    public void LateFactsInAnyOrderRecomputingOnlyTheAffectedCounterDaysReachTheFullResult(int seed)
    {
        var data = RandomCounterData.Create(seed, ratings: 200);
        var facts = Shuffled(
            data.Ratings.Select(r => (object)r).Concat(data.Events).Concat(data.Shifts), seed);
        var ratings = new List<Rating>();
        var events = new List<ServiceEvent>();
        var shifts = new List<Shift>();
        var store = new Dictionary<CounterDay, IReadOnlyList<AttributedRating>>();
        foreach (var fact in facts)
        {
            IReadOnlyList<CounterDay> affected;
            switch (fact)
            {
                case Rating rating:
                    ratings.Add(rating);
                    affected = AttributionScope.AffectedByRating(data.Assignments.CounterAt(rating.TerminalId, rating.At)!, rating.At, Options);
                    break;
                case ServiceEvent serviceEvent:
                    events.Add(serviceEvent);
                    affected = AttributionScope.AffectedByServiceEvent(serviceEvent, Options);
                    break;
                default:
                    var shift = (Shift)fact;
                    shifts.Add(shift);
                    affected = AttributionScope.AffectedByShift(shift, data.Now, Options);
                    break;
            }
            foreach (var counterDay in affected)
            {
                var counterRatings = ratings.Where(r => data.Assignments.CounterAt(r.TerminalId, r.At) == counterDay.CounterId).ToArray();
                store[counterDay] = CounterAttributor.Attribute(
                    CounterAttributionInput.ForDay(counterDay.CounterId, counterDay.Day, counterRatings, [.. events], [.. shifts], false, Voided, data.Now),
                    Options);
            }
        }
        var incremental = store.OrderBy(s => s.Key).SelectMany(s => s.Value).ToArray();
        Assert.Equal(AttributeAll(data, data.Ratings, data.Events, data.Shifts), incremental);
    }

    private static IReadOnlyList<AttributedRating> AttributeAll(
        RandomCounterData data, IEnumerable<Rating> ratings, IEnumerable<ServiceEvent> events, IEnumerable<Shift> shifts) =>
        Attributor.AttributeAll(ratings, data.Assignments, events, shifts, _ => false, Voided, data.Now, Options);
}
