using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Evaluation;
using OneStop.Feedback.Evaluation.Organisation;
using static OneStop.Feedback.Evaluation.Tests.TestData;

namespace OneStop.Feedback.Evaluation.Tests.Evaluation;

/// <summary>
/// A province-sized month from aggregates (1,000 officers, 200 counters, 30 days: 30,000 rows standing for ~1.5M
/// ratings). Speed is measured in benchmarks; here the totals and ranks must hold together.
/// </summary>
public class ProvinceScaleTests
{
    [Fact]
    public void ProvinceMonthFromAggregatesAddsUpAndRanksEveryUnitContiguously()
    {
        var random = new Random(2026);
        var start = Vn("2020-01-01 00:00:00");
        Unit[] units = [new("P", "Tỉnh", null, start), .. Enumerable.Range(0, 50).Select(u => new Unit($"U{u:00}", $"Xã {u}", "P", start))];
        Counter[] counters = [.. Enumerable.Range(0, 200).Select(c => new Counter($"C{c:000}", $"U{c / 4:00}", $"Quầy {c}"))];
        Officer[] officers = [.. Enumerable.Range(0, 1000).Select(o => new Officer($"O{o:0000}", $"Cán bộ {o}", $"U{o / 20:00}"))];
        var month = new Month(2026, 4);
        var aggregates = new List<DailyAggregate>();
        foreach (var day in month.Days())
        {
            foreach (var officer in officers)
            {
                var counter = $"C{(int.Parse(officer.Id[1..], System.Globalization.CultureInfo.InvariantCulture) / 5):000}";
                var five = random.Next(0, 40);
                var four = random.Next(0, 10);
                var one = random.Next(0, 3);
                aggregates.Add(new DailyAggregate(
                    day, counter, officer.Id, five + four + one, random.Next(0, 2), FlagCounts.Zero, five + four, five / 2, five,
                    [new LevelCount(5, 1, one), new LevelCount(5, 4, four), new LevelCount(5, 5, five)],
                    [new CriterionTally("listen", 5, five, 4L * five)]));
            }
        }

        var report = MonthlyEvaluator.Evaluate(new EvaluationInput(month, units, counters, officers, aggregates, []), new EvaluationOptions());

        var province = report.Units.Single(u => u.UnitId == "P");
        Assert.Equal(aggregates.Sum(a => a.Ratings), province.Ratings);
        Assert.Equal(report.Officers.Sum(o => o.Ratings), province.Ratings);
        Assert.Equal(report.Units.Where(u => u.UnitId != "P").Sum(u => u.Services), province.Services);
        Assert.Equal(1000, report.Officers.Count);
        foreach (var unit in report.Officers.GroupBy(o => o.UnitId))
        {
            Assert.Equal(Enumerable.Range(1, unit.Count(o => o.Sufficient)), unit.Where(o => o.Sufficient).Select(o => o.Rank!.Value).Order());
        }
        Assert.All(report.Officers, o => Assert.Equal(100.0, o.Criteria[0].Score));
    }
}
