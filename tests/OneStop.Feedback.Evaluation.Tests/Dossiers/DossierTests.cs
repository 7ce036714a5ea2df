using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Dossiers;
using static OneStop.Feedback.Evaluation.Tests.TestData;

namespace OneStop.Feedback.Evaluation.Tests.Dossiers;

public class DossierTests
{
    [Fact]
    public void OutcomeKeepsTheFirstReceiptAndTheFirstCompletion()
    {
        var outcomes = DossierOutcomes.From(
            Shuffled(
            [
                Received(2, "D1", "C2", "2026-03-05 08:00:00", dueLocal: "2026-03-20 17:00:00"),
                Received(1, "D1", "C1", "2026-03-02 08:00:00", dueLocal: "2026-03-10 17:00:00"),
                Returned(3, "D1", "C1", "2026-03-09 08:00:00"),
                Returned(4, "D9", "C1", "2026-03-09 08:00:00"), // never received here: no outcome
            ], 3),
            [new DossierCompletion("D1", Vn("2026-03-09 07:00:00")), new DossierCompletion("D1", Vn("2026-03-08 07:00:00"))]);
        var d1 = Assert.Single(outcomes);
        Assert.Equal(("C1", Vn("2026-03-10 17:00:00"), Vn("2026-03-08 07:00:00")), (d1.CounterId, d1.Due!.Value, d1.CompletedAt!.Value));
    }

    [Fact]
    public void LateDossiersOfAMonthAreThoseDueInItAndCompletedLateOrStillOpenPastDue()
    {
        DossierOutcome[] dossiers =
        [
            new("D1", "P", "C1", Vn("2026-03-01 08:00:00"), Vn("2026-03-10 17:00:00"), Vn("2026-03-12 17:00:00")), // 2 days late
            new("D2", "P", "C1", Vn("2026-03-01 08:00:00"), Vn("2026-03-10 17:00:00"), Vn("2026-03-10 17:00:00")), // exactly due: on time
            new("D3", "P", "C1", Vn("2026-03-01 08:00:00"), Vn("2026-03-31 23:59:59.999"), null),                  // open, past due now
            new("D4", "P", "C1", Vn("2026-03-01 08:00:00"), Vn("2026-04-01 00:00:00"), null),                      // due in April
            new("D5", "P", "C1", Vn("2026-03-01 08:00:00"), Vn("2026-03-20 17:00:00"), null),                      // open, not yet due
            new("D6", "P", "C1", Vn("2026-03-01 08:00:00"), null, null),                                            // no due
            new("D0", "P", "C1", Vn("2026-02-01 08:00:00"), Vn("2026-03-01 00:00:00"), Vn("2026-03-02 00:00:00")), // first instant of March
        ];
        var late = LateDossiers.List(Shuffled(dossiers, 8), new Month(2026, 3), Vn("2026-03-15 00:00:00"));
        Assert.Equal(["D0", "D1"], late.Select(d => d.Code));
        Assert.Equal(TimeSpan.FromDays(2), late[1].LateBy);
        Assert.False(late[1].Open);

        var atMonthEnd = LateDossiers.List(dossiers, new Month(2026, 3), Vn("2026-04-01 00:00:00"));
        Assert.Equal(["D0", "D1", "D5", "D3"], atMonthEnd.Select(d => d.Code));
        Assert.True(atMonthEnd[3].Open);
        Assert.Equal(TimeSpan.FromMilliseconds(1), atMonthEnd[3].LateBy);
    }
}
