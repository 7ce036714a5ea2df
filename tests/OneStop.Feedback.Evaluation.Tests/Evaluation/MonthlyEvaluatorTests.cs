using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Dossiers;
using OneStop.Feedback.Evaluation.Evaluation;
using OneStop.Feedback.Evaluation.Organisation;
using static OneStop.Feedback.Evaluation.Tests.TestData;

namespace OneStop.Feedback.Evaluation.Tests.Evaluation;

/// <summary>
/// One hand-computed month (March 2026). P has sections U1 (counter C1) and U2 (counter C2); X ended in February,
/// so its counter CX is unplaced. Officers A, B in U1; C, Z in U2.
/// </summary>
public class MonthlyEvaluatorTests
{
    private static readonly Month March = new(2026, 3);

    private static readonly Unit[] Units =
    [
        new("P", "Tỉnh", null, Vn("2020-01-01 00:00:00")),
        new("U1", "Trung tâm 1", "P", Vn("2020-01-01 00:00:00")),
        new("U2", "Trung tâm 2", "P", Vn("2020-01-01 00:00:00")),
        new("X", "Xã cũ", "P", Vn("2020-01-01 00:00:00"), Vn("2026-03-01 00:00:00")),
    ];

    private static readonly Counter[] Counters = [new("C1", "U1", "Quầy 1"), new("C2", "U2", "Quầy 2"), new("CX", "X", "Quầy X")];

    private static readonly Officer[] Officers =
    [
        new("A", "Nguyễn Văn A", "U1"), new("B", "Trần Thị B", "U1"), new("C", "Lê Văn C", "U2"), new("Z", "Phạm Z", "U2"),
    ];

    private static MonthlyReport Report(EvaluationOptions? options = null) =>
        MonthlyEvaluator.EvaluateRatings(
            March, Units, Counters, Officers, Shuffled(Ratings(), 42), Events(), [], Dossiers(), Vn("2026-04-05 00:00:00"),
            options ?? new EvaluationOptions());

    private static List<AttributedRating> Ratings()
    {
        var list = new List<AttributedRating>();
        int[] scoresA = [5, 5, 5, 5, 5, 5, 4, 4, 3, 1];
        for (var i = 0; i < scoresA.Length; i++)
        {
            var criteria = i switch
            {
                0 => new CriterionAnswers(5, null, null, null, 4),
                1 => new CriterionAnswers(3, null, null, null, null),
                _ => default,
            };
            list.Add(Attributed("C1", "A", $"2026-03-{i + 2:00} 09:00:00", scoresA[i], 5,
                i == 5 ? RatingFlags.ClockUnsynced : RatingFlags.None, serviceEventId: i < 4 ? i + 1 : null, criteria: criteria));
        }
        list.Add(Attributed("C1", "A", "2026-03-02 09:00:01", 1, 5, RatingFlags.TooSoon));
        list.Add(Attributed("C1", "A", "2026-03-02 09:01:00", 1, 5, RatingFlags.DuplicateForDossier));
        for (var i = 0; i < 12; i++)
        {
            list.Add(Attributed("C1", "B", $"2026-03-{i + 2:00} 10:00:00", 3, 3));
        }
        for (var i = 0; i < 40; i++)
        {
            list.Add(Attributed("C2", "C", $"2026-03-{(i % 28) + 1:00} 14:{i:00}:00", 4, 4));
        }
        // Outside March in Vietnam time, by one millisecond each way.
        list.Add(Attributed("C2", "C", "2026-02-28 23:59:59.999", 1, 4));
        list.Add(Attributed("C2", "C", "2026-04-01 00:00:00", 1, 4));
        for (var i = 0; i < 3; i++)
        {
            list.Add(Attributed("C2", null, $"2026-03-20 15:0{i}:00", 1, 4));
        }
        list.Add(Attributed("CX", null, "2026-03-20 15:00:00", 5, 5));
        return list;
    }

    private static ServiceEvent[] Events() =>
    [
        .. Enumerable.Range(1, 5).Select(i => Received(i, "D" + i, "C1", $"2026-03-{i + 1:00} 08:59:00", officer: "A")),
        Returned(6, "D1", "C1", "2026-03-20 08:00:00"),
    ];

    private static DossierOutcome[] Dossiers() =>
    [
        new("D1", "P", "C1", Vn("2026-03-02 08:00:00"), Vn("2026-03-10 12:00:00"), Vn("2026-03-09 12:00:00")),
        new("D2", "P", "C1", Vn("2026-03-02 08:00:00"), Vn("2026-03-10 12:00:00"), Vn("2026-03-11 12:00:00")),
        new("D3", "P", "C1", Vn("2026-03-02 08:00:00"), Vn("2026-03-10 12:00:00"), Vn("2026-03-10 12:00:00")),
        new("D4", "P", "C1", Vn("2026-03-02 08:00:00"), Vn("2026-03-10 12:00:00"), Vn("2026-04-02 12:00:00")),
        new("D5", "P", "C1", Vn("2026-03-02 08:00:00"), null, Vn("2026-03-05 12:00:00")),
        new("D6", "P", "C2", Vn("2026-03-02 08:00:00"), Vn("2026-03-10 12:00:00"), null),
    ];

    [Fact]
    public void OfficerScoresFollowTheFormulas()
    {
        var a = Report().Officers.Single(o => o.OfficerId == "A");
        Assert.Equal((10, 2, 8), (a.Ratings, a.Flagged, a.Satisfied));
        Assert.Equal(new FlagCounts(1, 1, 0, 0, 1), a.Flags);
        Assert.Equal(0.8, a.SatisfiedShare);
        // Σ(score − 1)/4 = (6·4 + 2·3 + 1·2 + 1·0)/4 = 8 over 10 ratings → 80.
        Assert.Equal(80.0, a.HappyIndex!.Value, 12);
        Assert.Equal(0.4901568467, a.WilsonLower!.Value, 9);
        // Unit share U1 = 20/22; (8 + 10·20/22)/(10 + 10) = 188/220.
        Assert.Equal(188.0 / 220, a.BayesianShare!.Value, 12);
        Assert.Equal((5, 0.8), (a.Services, a.ResponseRate));
        Assert.Equal(("Nguyễn Văn A", "U1", "Trung tâm 1"), (a.Name, a.UnitId, a.UnitName));
    }

    [Fact]
    public void CriteriaAreMeansOverTheRatingsThatAnsweredThem()
    {
        var a = Report().Officers.Single(o => o.OfficerId == "A");
        Assert.Equal(["listen", "explain", "trust", "apologize", "thank"], a.Criteria.Select(c => c.Criterion));
        // listen: 5 and 3 on 5 levels → (4/4 + 2/4)/2 = 75; thank: 4 → 75; the others: no answers, null.
        Assert.Equal(new CriterionScore("listen", 2, 75.0), a.Criteria[0]);
        Assert.Equal(new CriterionScore("explain", 0, null), a.Criteria[1]);
        Assert.Equal(new CriterionScore("thank", 1, 75.0), a.Criteria[4]);
    }

    [Fact]
    public void DistributionKeepsEachScaleApartWithAllItsLevels()
    {
        var u1 = Report().Units.Single(u => u.UnitId == "U1");
        Assert.Equal(
            ["1/3:0", "2/3:0", "3/3:12", "1/5:1", "2/5:0", "3/5:1", "4/5:2", "5/5:6"],
            u1.Distribution.Select(l => $"{l.Key}:{l.Count}"));
    }

    [Fact]
    public void InsufficientOfficerShowsChuaDuDuLieuAndIsNeitherRankedNorTiered()
    {
        var report = Report();
        var z = report.Officers.Single(o => o.OfficerId == "Z");
        Assert.Equal((false, (int?)null, (string?)null, "Chưa đủ dữ liệu"), (z.Sufficient, z.Rank, z.Tier, z.TierLabel));
        Assert.Equal((0, (double?)null, (double?)null, (double?)null), (z.Ratings, z.SatisfiedShare, z.HappyIndex, z.WilsonLower));
        // No ratings: the Bayesian share is the unit's share, 40/43.
        Assert.Equal(40.0 / 43, z.BayesianShare!.Value, 12);
        var withNine = Report(new EvaluationOptions { MinRatings = 11 }).Officers.Single(o => o.OfficerId == "A");
        Assert.Equal((false, (int?)null), (withNine.Sufficient, withNine.Rank));
    }

    [Fact]
    public void OfficersAreRankedWithinTheirUnitAndTieredByWilsonLowerBound()
    {
        var officers = Report().Officers;
        Assert.Equal(["A", "B", "C", "Z"], officers.Select(o => o.OfficerId));
        // U1: B 12/12 → 12/15.8416 = 0.7575 (C) ranks above A 8/10 → 0.4902 (D). U2: C 40/40 → 0.9124 (A).
        Assert.Equal([2, 1, 1, null], officers.Select(o => o.Rank));
        Assert.Equal(["D", "C", "A", null], officers.Select(o => o.Tier));
        Assert.Equal("Hoàn thành nhiệm vụ", officers[1].TierLabel);
        Assert.Equal(12 / 15.8416, officers[1].WilsonLower!.Value, 12);
    }

    [Fact]
    public void UnitCountsTheCountersOfItsSubtreeAndItsDossiers()
    {
        var units = Report().Units;
        Assert.Equal(["P", "U1", "U2"], units.Select(u => u.UnitId));
        var u1 = units[1];
        Assert.Equal((22, 2, 20, 6), (u1.Ratings, u1.Flagged, u1.Satisfied, u1.Services));
        Assert.Equal(2000.0 / 22, u1.HappyIndex!.Value, 12);
        Assert.Equal(4.0 / 6, u1.ResponseRate!.Value, 12);
        // D1 on time, D2 late, D3 exactly at due (on time), D4 completed in April, D5 without due.
        Assert.Equal((4, 1), (u1.DossiersCompleted, u1.LateDossiers));
        Assert.Equal(2.0 / 3, u1.OnTimeShare!.Value, 12);
        // 100 × (0.5·20/22 + 0.3·2/3 + 0.2·4/6) = 100 × 26/33
        Assert.Equal(2600.0 / 33, u1.UnitIndex!.Value, 10);
        var p = units[0];
        Assert.Equal((65, 60, 6, 4), (p.Ratings, p.Satisfied, p.Services, p.DossiersCompleted));
        Assert.Equal(3100.0 / 39, p.UnitIndex!.Value, 10);
    }

    [Fact]
    public void UnitIndexRenormalisesWhenDossiersAndServicesAreUndefined()
    {
        var u2 = Report().Units.Single(u => u.UnitId == "U2");
        Assert.Equal((43, 40, 0, (double?)null, (double?)null), (u2.Ratings, u2.Satisfied, u2.Services, u2.ResponseRate, u2.OnTimeShare));
        Assert.Equal(4000.0 / 43, u2.UnitIndex!.Value, 10);
    }

    [Fact]
    public void RatingsOutsideTheMonthOrAtCountersOutsideTheTreeAreLeftOut()
    {
        var report = Report();
        Assert.Equal(40, report.Officers.Single(o => o.OfficerId == "C").Ratings);
        Assert.Equal(1, report.UnplacedRatings);
        Assert.DoesNotContain(report.Units, u => u.UnitId == "X");
    }

    [Fact]
    public void RanksBreakTiesByRatingsThenId()
    {
        Officer[] officers = [new("E2", "E2", "U1"), new("E1", "E1", "U1"), new("E3", "E3", "U1")];
        var ratings = new List<AttributedRating>();
        foreach (var (officer, count) in new[] { ("E1", 12), ("E2", 12), ("E3", 15) })
        {
            for (var i = 0; i < count; i++)
            {
                ratings.Add(Attributed("C1", officer, $"2026-03-{i + 1:00} 09:00:00", 1, 5));
            }
        }
        var report = MonthlyEvaluator.EvaluateRatings(
            March, Units, Counters, officers, Shuffled(ratings, 9), [], [], [], Vn("2026-04-05 00:00:00"), new EvaluationOptions());
        // All wilsonLower = 0: E3 has more ratings; E1 before E2 by id.
        Assert.Equal([2, 3, 1], report.Officers.Select(o => o.Rank));
        Assert.All(report.Officers, o => Assert.Equal("D", o.Tier));
    }
}
