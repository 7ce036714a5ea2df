using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Evaluation.Evaluation;
using static OneStop.Feedback.Evaluation.Tests.TestData;

namespace OneStop.Feedback.Evaluation.Tests.Evaluation;

public class DailyAggregatorTests
{
    [Fact]
    public void AggregatesAreGroupedPerCounterAndOfficerWithServicesResolvedLikeAttribution()
    {
        AttributedRating[] ratings =
        [
            Attributed("C1", "A", "2026-03-02 08:05:00", 4, 5, serviceEventId: 1, criteria: new CriterionAnswers(4, 5, null, null, null)),
            Attributed("C1", "A", "2026-03-02 08:05:01", 1, 5, RatingFlags.TooSoon | RatingFlags.ClockUnsynced),
            Attributed("C1", null, "2026-03-02 18:00:00", 2, 3),
            Attributed("C1", "A", "2026-03-03 08:00:00", 5, 5), // another day: ignored
        ];
        ServiceEvent[] events =
        [
            Received(1, "D1", "C1", "2026-03-02 08:00:00"),              // no officer: A's shift at 08:00
            Returned(2, "D2", "C1", "2026-03-02 09:00:00", officer: "B"), // named
            Received(3, "D3", "C1", "2026-03-02 23:59:59.999"),          // after the shift: no officer
            Received(4, "D4", "C1", "2026-03-03 00:00:00"),              // next day: ignored
        ];
        Shift[] shifts = [ShiftOf(1, "A", "C1", "2026-03-02 07:30:00", "2026-03-02 12:00:00")];

        var aggregates = DailyAggregator.Build(new DateOnly(2026, 3, 2), Shuffled(ratings, 1), Shuffled(events, 2), shifts, Vn("2026-04-01 00:00:00"));

        Assert.Equal([null, "A", "B"], aggregates.Select(a => a.OfficerId));
        var none = aggregates[0];
        // 2 of 3 is "Hài lòng": score ≥ scale − 1, so satisfied.
        Assert.Equal((1, 0, 1, 0, 1), (none.Ratings, none.Flagged, none.Satisfied, none.Linked, none.Services));
        Assert.Equal([new LevelCount(3, 2, 1)], none.Levels);
        var a = aggregates[1];
        Assert.Equal((1, 1, 1, 1, 1), (a.Ratings, a.Flagged, a.Satisfied, a.Linked, a.Services));
        Assert.Equal(new FlagCounts(1, 0, 0, 0, 1), a.Flags);
        Assert.Equal([new LevelCount(5, 4, 1)], a.Levels);
        Assert.Equal([new CriterionTally("listen", 5, 1, 3), new CriterionTally("explain", 5, 1, 4)], a.Criteria);
        var b = aggregates[2];
        Assert.Equal((0, 1), (b.Ratings, b.Services));
        Assert.All(aggregates, x => Assert.Equal((new DateOnly(2026, 3, 2), "C1"), (x.Day, x.CounterId)));
    }

    [Fact]
    public void ScoreOutsideTheScaleIsRefused()
    {
        AttributedRating[] ratings = [Attributed("C1", "A", "2026-03-02 08:05:00", 6, 5)];
        Assert.Throws<ArgumentException>(() => DailyAggregator.Build(new DateOnly(2026, 3, 2), ratings, [], [], Vn("2026-04-01 00:00:00")));
    }
}
