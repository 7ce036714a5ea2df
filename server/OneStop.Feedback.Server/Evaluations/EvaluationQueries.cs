using System.Globalization;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Dossiers;
using OneStop.Feedback.Evaluation.Evaluation;
using OneStop.Feedback.Evaluation.Organisation;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Dossiers;
using OneStop.Feedback.Server.Organisation;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Evaluations;

/// <summary>
/// Loads a month's inputs from the store (reference data, the daily aggregates maintained by the attribution
/// worker, dossier outcomes) and runs the evaluation library on them. No formula lives here.
/// </summary>
public sealed class EvaluationQueries(Database database, OrganisationStore organisation, IOptions<EvaluationOptions> options, TimeProvider time)
{
    public static bool TryParseMonth(string? text, out Month month)
    {
        month = default;
        if (text is null || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return false;
        }
        month = new Month(first.Year, first.Month);
        return true;
    }

    private readonly KeptReports _kept = new();

    /// <summary>
    /// The month's report: the kept one while nothing it was computed from has changed (see <see cref="KeptReports"/>),
    /// otherwise computed now and kept. One query for the versions when kept.
    /// </summary>
    public MonthlyReport Report(Month month)
    {
        KeptReports.Versions versions;
        using (var c = database.Open())
        {
            versions = KeptReports.Read(c, month);
        }
        if (_kept.Find(month, versions) is { } kept)
        {
            return kept;
        }
        var report = Compute(month);
        _kept.Keep(month, versions, report);
        return report;
    }

    /// <summary>The month's report computed from the store now (what <see cref="Report"/> keeps).</summary>
    public MonthlyReport Compute(Month month)
    {
        List<DailyAggregate> aggregates;
        using (var c = database.Open())
        {
            aggregates = c.Query($"SELECT {AttributionWriter.MonthlyColumns} FROM monthly_aggregates WHERE month = $m",
                AttributionWriter.Read, ("$m", month.ToString()));
        }
        return Evaluate(month, aggregates);
    }

    /// <summary>The report of a month from aggregates read elsewhere (the InfluxDB source), with this store's reference data and dossiers.</summary>
    public MonthlyReport Evaluate(Month month, IReadOnlyCollection<DailyAggregate> aggregates)
    {
        var units = organisation.Units().Select(u => new Unit(u.Id, u.Name, u.ParentId, u.ValidFrom, u.ValidTo, u.RequireServiceEvent)).ToList();
        var counters = organisation.Counters().Select(c => new Counter(c.Id, c.UnitId, c.Name)).ToList();
        var officers = organisation.Officers().Select(o => new Officer(o.Id, o.Name, o.UnitId, o.BadgeUid)).ToList();
        using var c = database.Open();
        return MonthlyEvaluator.Evaluate(new EvaluationInput(month, units, counters, officers, aggregates, [], DossierCountCache.For(c, month)), options.Value);
    }

    /// <summary>
    /// One officer's line for each of <paramref name="months"/> (null where the month's report has no line for the
    /// officer), read from that officer's monthly roll-up rows only — what a 12-month trend needs without computing
    /// twelve whole reports. Ratings, shares, happy index, distribution, criteria, Wilson bound, tier and response rate
    /// are the officer's line in <see cref="Report"/>; rank and Bayesian share need the whole unit and are null here.
    /// </summary>
    public IReadOnlyList<OfficerReport?> OfficerMonths(string officerId, IReadOnlyList<Month> months)
    {
        if (months.Count == 0)
        {
            return [];
        }
        var units = organisation.Units().Select(u => new Unit(u.Id, u.Name, u.ParentId, u.ValidFrom, u.ValidTo, u.RequireServiceEvent)).ToList();
        var counters = organisation.Counters().Select(c => new Counter(c.Id, c.UnitId, c.Name)).ToList();
        var officer = organisation.Officers().Where(o => o.Id == officerId).Select(o => new Officer(o.Id, o.Name, o.UnitId, o.BadgeUid)).ToList();
        ILookup<string, DailyAggregate> rows;
        using (var c = database.Open())
        {
            rows = c.Query($"SELECT {AttributionWriter.MonthlyColumns} FROM monthly_aggregates WHERE officer_id = $o AND month >= $first AND month <= $last",
                r => (Month: r.GetString(0), Row: AttributionWriter.Read(r)),
                ("$o", officerId), ("$first", months.MinBy(m => m.FirstDay).ToString()), ("$last", months.MaxBy(m => m.FirstDay).ToString()))
                .ToLookup(x => x.Month, x => x.Row, StringComparer.Ordinal);
        }
        return months.Select(month =>
        {
            var alone = MonthlyEvaluator.Evaluate(new EvaluationInput(month, units, counters, officer, rows[month.ToString()].ToList(), []), options.Value);
            return alone.Officers.FirstOrDefault(o => o.OfficerId == officerId) is { } line ? line with { Rank = null, BayesianShare = null } : null;
        }).ToList();
    }

    /// <summary>Units of the subtree of <paramref name="unitId"/> as valid during the month (the unit itself included).</summary>
    public IReadOnlySet<string> Subtree(Month month, string unitId)
    {
        var units = organisation.Units().Select(u => new Unit(u.Id, u.Name, u.ParentId, u.ValidFrom, u.ValidTo, u.RequireServiceEvent));
        var tree = new OrganisationTree(units, month.Start, month.End);
        return tree.Find(unitId) is null ? new HashSet<string>() : tree.Subtree(unitId).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<LateDossier> Late(Month month)
    {
        var now = time.GetUtcNow();
        using var c = database.Open();
        return LateDossiers.List(LateCandidates(c, month, now), month, now);
    }

    /// <summary>
    /// The dossiers <see cref="LateDossiers.List"/> can list for the month, and only those: due in the month and
    /// completed after due, or still open and already past due. One range of the index on <c>dossiers (due_at, completed_at, …)</c>, filtered in the index
    /// (migration step 11) instead of every dossier received, completed or open around the month, which at 10 M ratings
    /// meant reading 5 M rows for a page of late ones.
    /// </summary>
    private static List<DossierOutcome> LateCandidates(System.Data.Common.DbConnection c, Month month, DateTimeOffset now) =>
        c.Query("""
            SELECT code, procedure, counter_id, received_at, due_at, completed_at FROM dossiers
            WHERE due_at >= $from AND due_at < $to AND received_at IS NOT NULL AND counter_id IS NOT NULL
              AND ((completed_at IS NOT NULL AND completed_at > due_at) OR (completed_at IS NULL AND due_at < $now))
            """, r => new DossierOutcome(r.GetString(0), r.NullableString(1), r.GetString(2), r.Time(3), r.NullableTime(4), r.NullableTime(5)),
            ("$from", month.Start.ToUnixTimeMilliseconds()), ("$to", month.End.ToUnixTimeMilliseconds()), ("$now", now.ToUnixTimeMilliseconds()));
}
