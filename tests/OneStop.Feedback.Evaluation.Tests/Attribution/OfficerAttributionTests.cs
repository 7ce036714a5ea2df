using OneStop.Feedback.Evaluation.Attribution;
using static OneStop.Feedback.Evaluation.Tests.TestData;

namespace OneStop.Feedback.Evaluation.Tests.Attribution;

public class OfficerAttributionTests
{
    // Officer A until 08:02, then officer B.
    private static readonly Shift[] Shifts =
    [
        ShiftOf(1, "A", "C1", "2026-03-02 07:30:00", "2026-03-02 08:02:00"),
        ShiftOf(2, "B", "C1", "2026-03-02 08:02:00"),
    ];

    [Fact]
    public void RatingThatTookAnEventNamingAnOfficerGetsThatOfficer()
    {
        var result = AttributeDay(
            "2026-03-02", [Press("T1", 1, "2026-03-02 08:05:00")], [Received(1, "D1", "C1", "2026-03-02 08:00:00", officer: "N")], Shifts);
        Assert.Equal(("N", AttributionMethod.ServiceEvent), (result[0].OfficerId, result[0].Method));
    }

    [Fact]
    public void RatingThatTookAnEventWithoutOfficerGetsTheShiftOfficerAtTheEventsTime()
    {
        // The event was served by A (08:00); the citizen pressed at 08:05 when B had taken over.
        var result = AttributeDay(
            "2026-03-02", [Press("T1", 1, "2026-03-02 08:05:00")], [Received(1, "D1", "C1", "2026-03-02 08:00:00")], Shifts);
        Assert.Equal(("A", AttributionMethod.Shift), (result[0].OfficerId, result[0].Method));
    }

    [Fact]
    public void RatingThatTookAnEventWithNeitherNamedOfficerNorShiftHasNoOfficer()
    {
        var result = AttributeDay(
            "2026-03-02", [Press("T1", 1, "2026-03-02 08:05:00")], [Received(1, "D1", "C1", "2026-03-02 07:58:00")],
            [ShiftOf(1, "A", "C1", "2026-03-02 08:00:00")]);
        // No fallback to the shift at the rating's time: A was not at the desk when the service happened.
        Assert.Equal(((string?)null, AttributionMethod.None, (long?)1), (result[0].OfficerId, result[0].Method, result[0].ServiceEventId));
    }

    [Fact]
    public void RatingWithoutEventGetsTheShiftOfficerAtItsTimeAndShiftEndIsExclusive()
    {
        var result = AttributeDay("2026-03-02", [Press("T1", 1, "2026-03-02 08:01:59.999"), Press("T1", 2, "2026-03-02 08:02:00")], shifts: Shifts);
        Assert.Equal(["A", "B"], result.Select(r => r.OfficerId));
        Assert.All(result, r => Assert.Equal(AttributionMethod.Shift, r.Method));
    }

    [Fact]
    public void OverlappingShiftsGoToTheLatestStartThenTheLargerId()
    {
        Shift[] shifts =
        [
            ShiftOf(3, "A", "C1", "2026-03-02 07:00:00"),
            ShiftOf(4, "B", "C1", "2026-03-02 07:30:00"),
            ShiftOf(9, "D", "C1", "2026-03-02 09:00:00"),
            ShiftOf(8, "C", "C1", "2026-03-02 09:00:00"),
        ];
        var result = AttributeDay(
            "2026-03-02", [Press("T1", 1, "2026-03-02 08:00:00"), Press("T1", 2, "2026-03-02 09:30:00")], shifts: Shuffled(shifts, 5));
        Assert.Equal(["B", "D"], result.Select(r => r.OfficerId));
    }

    [Fact]
    public void OpenShiftEndsAtNow()
    {
        var result = AttributeDay(
            "2026-03-02", [Press("T1", 1, "2026-03-02 08:10:00"), Press("T1", 2, "2026-03-02 08:30:00")],
            shifts: [ShiftOf(1, "A", "C1", "2026-03-02 08:00:00")], now: "2026-03-02 08:20:00");
        Assert.Equal(["A", null], result.Select(r => r.OfficerId));
        Assert.Equal(AttributionMethod.None, result[1].Method);
    }

    [Fact]
    public void ShiftsOfOtherCountersAreIgnored()
    {
        var result = AttributeDay("2026-03-02", [Press("T1", 1, "2026-03-02 08:10:00")], shifts: [ShiftOf(1, "A", "C2", "2026-03-02 08:00:00")]);
        Assert.Null(result[0].OfficerId);
    }

    [Fact]
    public void FlaggedRatingsStillGetTheirShiftOfficerSoTheyAreCountedApartForThatOfficer()
    {
        var result = AttributeDay(
            "2026-03-02", [Press("T1", 1, "2026-03-02 08:10:00"), Press("T1", 2, "2026-03-02 08:10:01")], shifts: [ShiftOf(1, "A", "C1", "2026-03-02 08:00:00")]);
        Assert.Equal(("A", RatingFlags.TooSoon), (result[1].OfficerId, result[1].Flags));
    }
}
