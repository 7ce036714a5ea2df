using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Dossiers;
using OneStop.Feedback.Evaluation.Organisation;

namespace OneStop.Feedback.Evaluation.Evaluation;

/// <summary>
/// The monthly evaluation per officer and per unit, computed from daily aggregates so that a month of a province
/// costs a few thousand additions, not a scan of millions of ratings.
/// </summary>
public static class MonthlyEvaluator
{
    /// <summary>Evaluates a month from its daily aggregates and dossier outcomes.</summary>
    public static MonthlyReport Evaluate(EvaluationInput input, EvaluationOptions options)
    {
        var month = input.Month;
        var tree = new OrganisationTree(input.Units, month.Start, month.End);
        var counterUnits = input.Counters
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .DistinctBy(c => c.Id, StringComparer.Ordinal)
            .ToDictionary(c => c.Id, c => c.UnitId, StringComparer.Ordinal);

        var byCounter = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var byOfficer = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var aggregate in input.Aggregates.Where(a => month.Contains(a.Day)))
        {
            TallyOf(byCounter, aggregate.CounterId).Add(aggregate);
            if (aggregate.OfficerId is not null)
            {
                TallyOf(byOfficer, aggregate.OfficerId).Add(aggregate);
            }
        }

        // A counter's numbers count for its unit and every ancestor in the month's tree.
        IReadOnlyList<string> UnitsOfCounter(string counterId) =>
            counterUnits.TryGetValue(counterId, out var unitId) ? tree.AncestorsAndSelf(unitId) : [];

        var byUnit = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var unplaced = 0;
        foreach (var (counterId, tally) in byCounter)
        {
            var placedIn = UnitsOfCounter(counterId);
            unplaced += placedIn.Count == 0 ? tally.Ratings : 0;
            foreach (var unitId in placedIn)
            {
                TallyOf(byUnit, unitId).Add(tally);
            }
        }

        var dossiers = new Dictionary<string, DossierCounts>(StringComparer.Ordinal);
        foreach (var counter in input.DossierCounts ?? CounterDossierCounts.Of(input.Dossiers, month))
        {
            foreach (var unitId in UnitsOfCounter(counter.CounterId))
            {
                var counts = dossiers.GetValueOrDefault(unitId);
                dossiers[unitId] = counts.Add(counter);
            }
        }

        var units = tree.Units
            .Select(u => UnitReportOf(u, byUnit.GetValueOrDefault(u.Id) ?? new Tally(), dossiers.GetValueOrDefault(u.Id), options))
            .ToArray();
        var officers = OfficerReports.Build(tree, input.Officers, byOfficer, units, options);
        return new MonthlyReport(month, units, officers, unplaced);
    }

    /// <summary>
    /// Evaluates a month straight from attributed ratings: builds each day's aggregates first, so it gives exactly
    /// what <see cref="Evaluate"/> gives on stored aggregates. For small deployments, rebuilds and tests.
    /// </summary>
    public static MonthlyReport EvaluateRatings(
        Month month,
        IReadOnlyCollection<Unit> units,
        IReadOnlyCollection<Counter> counters,
        IReadOnlyCollection<Officer> officers,
        IEnumerable<AttributedRating> ratings,
        IEnumerable<ServiceEvent> serviceEvents,
        IEnumerable<Shift> shifts,
        IReadOnlyCollection<DossierOutcome> dossiers,
        DateTimeOffset now,
        EvaluationOptions options)
    {
        var ratingsByDay = ratings.Where(r => month.Contains(r.At)).ToLookup(r => VietnamTime.DayOf(r.At));
        var eventsByDay = serviceEvents.Where(e => month.Contains(e.At)).ToLookup(e => VietnamTime.DayOf(e.At));
        var shiftList = shifts.ToArray();
        var aggregates = month.Days()
            .SelectMany(day => DailyAggregator.Build(day, ratingsByDay[day], eventsByDay[day], shiftList, now))
            .ToArray();
        return Evaluate(new EvaluationInput(month, units, counters, officers, aggregates, dossiers), options);
    }

    private static UnitReport UnitReportOf(Unit unit, Tally tally, DossierCounts dossiers, EvaluationOptions options)
    {
        var satisfiedShare = Statistics.Share(tally.Satisfied, tally.Ratings);
        var responseRate = Statistics.Share(tally.Linked, tally.Services);
        var onTimeShare = Statistics.Share(dossiers.OnTime, dossiers.WithDue);
        var index = Statistics.WeightedIndex(
            (satisfiedShare, options.SatisfiedShareWeight),
            (onTimeShare, options.OnTimeShareWeight),
            (responseRate, options.ResponseRateWeight));
        return new UnitReport(
            unit.Id,
            unit.Name,
            unit.ParentId,
            tally.Ratings,
            tally.Flagged,
            tally.Flags,
            tally.Distribution(),
            tally.Satisfied,
            satisfiedShare,
            tally.HappyIndex(),
            tally.CriterionScores(),
            Statistics.WilsonLower(tally.Satisfied, tally.Ratings, options.WilsonZ),
            tally.Services,
            responseRate,
            dossiers.Completed,
            onTimeShare,
            dossiers.Late,
            index);
    }

    internal static Tally TallyOf(Dictionary<string, Tally> tallies, string key)
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tally = new Tally();
            tallies.Add(key, tally);
        }
        return tally;
    }

    /// <summary>Completed dossiers of a unit in the month.</summary>
    private readonly record struct DossierCounts(int Completed, int WithDue, int OnTime, int Late)
    {
        public DossierCounts Add(CounterDossierCounts counter) => new(
            Completed + counter.Completed,
            WithDue + counter.WithDue,
            OnTime + counter.OnTime,
            Late + counter.Late);
    }
}
