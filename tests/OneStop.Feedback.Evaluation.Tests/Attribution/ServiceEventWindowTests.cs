using OneStop.Feedback.Evaluation.Attribution;
using static OneStop.Feedback.Evaluation.Tests.TestData;

namespace OneStop.Feedback.Evaluation.Tests.Attribution;

public class ServiceEventWindowTests
{
    [Fact]
    public void RatingExactlyTenMinutesAfterTheEventTakesIt()
    {
        var result = AttributeDay(
            "2026-03-02", [Press("T1", 1, "2026-03-02 08:10:00")], [Received(1, "D1", "C1", "2026-03-02 08:00:00")]);
        Assert.Equal((1L, "D1", RatingFlags.None), (result[0].ServiceEventId, result[0].Dossier, result[0].Flags));
    }

    [Fact]
    public void RatingOneMillisecondPastTheWindowTakesNothing()
    {
        var result = AttributeDay(
            "2026-03-02", [Press("T1", 1, "2026-03-02 08:10:00.001")], [Received(1, "D1", "C1", "2026-03-02 08:00:00")]);
        Assert.Null(result[0].ServiceEventId);
        Assert.Equal(RatingFlags.None, result[0].Flags);
    }

    [Fact]
    public void EventAtTheRatingsOwnInstantIsInTheWindowButALaterOneIsNot()
    {
        ServiceEvent[] events = [Received(1, "D1", "C1", "2026-03-02 08:00:00"), Received(2, "D2", "C1", "2026-03-02 08:00:00.001")];
        var result = AttributeDay("2026-03-02", [Press("T1", 1, "2026-03-02 08:00:00")], events);
        Assert.Equal(1L, result[0].ServiceEventId);
    }

    [Fact]
    public void SecondRatingForTheLatestEventIsDuplicateAndDoesNotFallBackToAnOlderEvent()
    {
        ServiceEvent[] events = [Received(1, "D1", "C1", "2026-03-02 08:00:00"), Received(2, "D2", "C1", "2026-03-02 08:05:00")];
        Rating[] ratings = [Press("T1", 1, "2026-03-02 08:06:00"), Press("T1", 2, "2026-03-02 08:07:00")];
        var result = AttributeDay("2026-03-02", Shuffled(ratings, 3), Shuffled(events, 4));
        Assert.Equal((2L, RatingFlags.None), (result[0].ServiceEventId, result[0].Flags));
        Assert.Equal(((long?)null, (string?)null, RatingFlags.DuplicateForDossier), (result[1].ServiceEventId, result[1].Dossier, result[1].Flags));
        Assert.True(result[1].Excluded);
    }

    [Fact]
    public void EventsAtTheSameInstantAreOrderedByIdSoTheLargerIdIsTheLatest()
    {
        ServiceEvent[] events = [Received(7, "D7", "C1", "2026-03-02 08:00:00"), Received(5, "D5", "C1", "2026-03-02 08:00:00")];
        Rating[] ratings = [Press("T1", 1, "2026-03-02 08:01:00"), Press("T2", 1, "2026-03-02 08:01:00")];
        var result = AttributeDay("2026-03-02", ratings, Shuffled(events, 11));
        // Same t: T1 before T2 by terminal id. T1 takes event 7; T2 finds 7 taken.
        Assert.Equal(("T1", (long?)7), (result[0].Rating.TerminalId, result[0].ServiceEventId));
        Assert.Equal(("T2", RatingFlags.DuplicateForDossier), (result[1].Rating.TerminalId, result[1].Flags));
    }

    [Fact]
    public void TooSoonPressDoesNotTakeAnEventSoTheNextValidPressCan()
    {
        ServiceEvent[] events = [Received(1, "D1", "C1", "2026-03-02 08:00:00"), Returned(2, "D2", "C1", "2026-03-02 08:01:02")];
        Rating[] ratings =
        [
            Press("T1", 1, "2026-03-02 08:01:00"), // takes event 1
            Press("T1", 2, "2026-03-02 08:01:03"), // too soon: ignored for events, not a duplicate
            Press("T1", 3, "2026-03-02 08:01:10"), // takes event 2
        ];
        var result = AttributeDay("2026-03-02", ratings, events);
        Assert.Equal([1L, null, 2L], result.Select(r => r.ServiceEventId));
        Assert.Equal([RatingFlags.None, RatingFlags.TooSoon, RatingFlags.None], result.Select(r => r.Flags));
    }

    [Fact]
    public void EventsOfOtherCountersAreIgnored()
    {
        var result = AttributeDay(
            "2026-03-02", [Press("T1", 1, "2026-03-02 08:01:00")], [Received(1, "D1", "C2", "2026-03-02 08:00:00")]);
        Assert.Null(result[0].ServiceEventId);
    }

    [Fact]
    public void WindowLengthIsConfigurable()
    {
        var input = CounterAttributionInput.ForDay(
            "C1", new DateOnly(2026, 3, 2), [Press("T1", 1, "2026-03-02 08:03:00")], [Received(1, "D1", "C1", "2026-03-02 08:00:00")],
            [], false, NoneVoided, Vn("2030-01-01 00:00:00"));
        Assert.Null(CounterAttributor.Attribute(input, new AttributionOptions { WindowMinutes = 2 })[0].ServiceEventId);
    }
}
