using OneStop.Feedback.Evaluation.Attribution;
using static OneStop.Feedback.Evaluation.Tests.TestData;

namespace OneStop.Feedback.Evaluation.Tests.Attribution;

public class FlagTests
{
    [Fact]
    public void RatingWithoutServiceEventIsNoServiceOnlyWhereTheUnitRequiresOne()
    {
        Rating[] ratings = [Press("T1", 1, "2026-03-02 08:00:00")];
        Assert.Equal(RatingFlags.None, AttributeDay("2026-03-02", ratings)[0].Flags);
        var required = AttributeDay("2026-03-02", ratings, requireServiceEvent: true)[0];
        Assert.Equal(RatingFlags.NoService, required.Flags);
        Assert.True(required.Excluded);
    }

    [Fact]
    public void DuplicateAndTooSoonRatingsAreNotAlsoNoService()
    {
        Rating[] ratings =
        [
            Press("T1", 1, "2026-03-02 08:01:00"),
            Press("T1", 2, "2026-03-02 08:01:01"),
            Press("T1", 3, "2026-03-02 08:02:00"),
        ];
        var result = AttributeDay("2026-03-02", ratings, [Received(1, "D1", "C1", "2026-03-02 08:00:00")], requireServiceEvent: true);
        Assert.Equal([RatingFlags.None, RatingFlags.TooSoon, RatingFlags.DuplicateForDossier], result.Select(r => r.Flags));
    }

    [Fact]
    public void VoidedRatingIsExcludedButKeepsItsServiceEventSoTheNextPressIsStillADuplicate()
    {
        Rating[] ratings = [Press("T1", 1, "2026-03-02 08:01:00"), Press("T1", 2, "2026-03-02 08:02:00")];
        var voided = new HashSet<RatingKey> { ratings[0].Key };
        var result = AttributeDay("2026-03-02", ratings, [Received(1, "D1", "C1", "2026-03-02 08:00:00")], voided: voided);
        Assert.Equal((RatingFlags.Voided, (long?)1), (result[0].Flags, result[0].ServiceEventId));
        Assert.True(result[0].Excluded);
        Assert.Equal(RatingFlags.DuplicateForDossier, result[1].Flags);
    }

    [Fact]
    public void UnsyncedClockUsesReceiveTimeAndIsInformationalOnly()
    {
        var result = AttributeDay("2026-03-02", [UnsyncedPress("T1", 1, "2026-03-02 08:05:00")], [Received(1, "D1", "C1", "2026-03-02 08:00:00")]);
        Assert.Equal(Vn("2026-03-02 08:05:00"), result[0].At);
        Assert.Equal((RatingFlags.ClockUnsynced, (long?)1), (result[0].Flags, result[0].ServiceEventId));
        Assert.False(result[0].Excluded);
    }

    [Fact]
    public void FlagsAndMethodsHaveTheirWireNames()
    {
        Assert.Equal(
            ["too-soon", "duplicate-for-dossier", "no-service", "voided", "clock-unsynced"],
            RatingFlagNames.Names((RatingFlags)31));
        Assert.Equal(
            ["service-event", "shift", "none"],
            new[] { AttributionMethod.ServiceEvent, AttributionMethod.Shift, AttributionMethod.None }.Select(RatingFlagNames.Name));
    }
}
