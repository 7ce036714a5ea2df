using System.Text.Json;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Dossiers;
using OneStop.Feedback.Evaluation.Evaluation;
using OneStop.Feedback.Evaluation.Organisation;
using OneStop.Feedback.Evaluation.Tests.Attribution;
using static OneStop.Feedback.Evaluation.Tests.TestData;

namespace OneStop.Feedback.Evaluation.Tests.Evaluation;

/// <summary>The stored-aggregate path (what the server runs) must give the very same report as raw ratings.</summary>
public class AggregateEquivalenceTests
{
    private static readonly Unit[] Units =
    [
        new("P", "Tỉnh", null, Vn("2020-01-01 00:00:00")),
        new("U1", "Trung tâm 1", "P", Vn("2020-01-01 00:00:00")),
        new("U2", "Trung tâm 2", "P", Vn("2020-01-01 00:00:00")),
    ];

    private static readonly Counter[] Counters = [new("C1", "U1", "Quầy 1"), new("C2", "U2", "Quầy 2")];

    private static readonly Officer[] Officers =
        [.. Enumerable.Range(1, 5).Select(i => new Officer("O" + i, "Cán bộ " + i, i <= 3 ? "U1" : "U2"))];

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void EvaluatingFromShuffledDailyAggregatesEqualsEvaluatingFromRawRatings(int seed)
    {
        var data = RandomCounterData.Create(seed, ratings: 600);
        var voided = data.Ratings.Where(r => r.Seq % 17 == 0).Select(r => r.Key).ToHashSet();
        var attributed = Attributor.AttributeAll(
            data.Ratings, data.Assignments, data.Events, data.Shifts, c => c == "C2", voided, data.Now, Options);
        var dossiers = DossierOutcomes.From(
            data.Events, data.Events.Where(e => e.Id % 3 == 0).Select(e => new DossierCompletion(e.Dossier, e.At.AddDays(e.Id % 5))));
        var month = new Month(2026, 3);
        var options = new EvaluationOptions { MinRatings = 5 };

        var fromRatings = MonthlyEvaluator.EvaluateRatings(
            month, Units, Counters, Officers, attributed, data.Events, data.Shifts, dossiers, data.Now, options);

        // The server's path: one aggregate build per counter-day, stored, read back in any order.
        var aggregates = new List<DailyAggregate>();
        foreach (var group in attributed.GroupBy(r => new CounterDay(r.CounterId, VietnamTime.DayOf(r.At))))
        {
            var events = data.Events.Where(e => e.CounterId == group.Key.CounterId);
            aggregates.AddRange(DailyAggregator.Build(group.Key.Day, group, events, data.Shifts, data.Now));
        }
        // Counter-days with services and no ratings still need their rows.
        var ratedDays = attributed.Select(r => new CounterDay(r.CounterId, VietnamTime.DayOf(r.At))).ToHashSet();
        foreach (var day in data.Events.Select(e => new CounterDay(e.CounterId, VietnamTime.DayOf(e.At))).Distinct().Where(d => !ratedDays.Contains(d)))
        {
            aggregates.AddRange(DailyAggregator.Build(day.Day, [], data.Events.Where(e => e.CounterId == day.CounterId), data.Shifts, data.Now));
        }
        var fromAggregates = MonthlyEvaluator.Evaluate(
            new EvaluationInput(month, Shuffled(Units, seed), Shuffled(Counters, seed), Shuffled(Officers, seed), Shuffled(aggregates, seed), Shuffled(dossiers, seed)),
            options);

        Assert.Equal(JsonSerializer.Serialize(fromRatings), JsonSerializer.Serialize(fromAggregates));
        Assert.Contains(fromAggregates.Officers, o => o.Sufficient);
        Assert.Contains(fromAggregates.Units, u => u.Flags.NoService > 0 && u.Flags.Voided > 0);
        Assert.Contains(fromAggregates.Units, u => u.DossiersCompleted > 0);
    }
}
