using OneStop.Feedback.Evaluation.Organisation;

namespace OneStop.Feedback.Evaluation.Evaluation;

/// <summary>Officer reports of a month: scores, shrinkage toward the unit, rank within the unit, tier.</summary>
internal static class OfficerReports
{
    /// <summary>
    /// One report per officer of a unit in the month's tree, plus any officer with activity in the month
    /// (an officer lent to another unit still gets a report), ordered by id.
    /// </summary>
    public static OfficerReport[] Build(
        OrganisationTree tree,
        IReadOnlyCollection<Officer> officers,
        Dictionary<string, Tally> tallies,
        IReadOnlyList<UnitReport> units,
        EvaluationOptions options)
    {
        var known = officers
            .OrderBy(o => o.Id, StringComparer.Ordinal)
            .DistinctBy(o => o.Id, StringComparer.Ordinal)
            .ToDictionary(o => o.Id, StringComparer.Ordinal);
        var unitShares = units.ToDictionary(u => u.UnitId, u => u.SatisfiedShare, StringComparer.Ordinal);
        var ids = known.Values.Where(o => tree.Find(o.UnitId) is not null).Select(o => o.Id)
            .Concat(tallies.Keys)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        var reports = new List<OfficerReport>();
        foreach (var id in ids)
        {
            var officer = known.GetValueOrDefault(id);
            var tally = tallies.GetValueOrDefault(id) ?? new Tally();
            var unitShare = officer is null ? null : unitShares.GetValueOrDefault(officer.UnitId);
            var wilson = Statistics.WilsonLower(tally.Satisfied, tally.Ratings, options.WilsonZ);
            var sufficient = tally.Ratings >= options.MinRatings;
            var tier = sufficient ? Tiers.TierOf(wilson!.Value, options) : null;
            reports.Add(new OfficerReport(
                id,
                officer?.Name,
                officer?.UnitId,
                officer is null ? null : tree.Find(officer.UnitId)?.Name,
                tally.Ratings,
                tally.Flagged,
                tally.Flags,
                tally.Distribution(),
                tally.Satisfied,
                Statistics.Share(tally.Satisfied, tally.Ratings),
                tally.HappyIndex(),
                tally.CriterionScores(),
                wilson,
                Statistics.BayesianShare(tally.Satisfied, tally.Ratings, options.PriorWeight, unitShare),
                tally.Services,
                Statistics.Share(tally.Linked, tally.Services),
                sufficient,
                Rank: null,
                tier,
                Tiers.LabelOf(tier, options)));
        }
        return Ranked(reports);
    }

    /// <summary>Rank 1..n within each unit among sufficient officers: wilsonLower desc, ratings desc, id asc.</summary>
    private static OfficerReport[] Ranked(List<OfficerReport> reports)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in reports.Where(r => r.Sufficient).GroupBy(r => r.UnitId ?? "", StringComparer.Ordinal))
        {
            var rank = 0;
            foreach (var report in group
                .OrderByDescending(r => r.WilsonLower)
                .ThenByDescending(r => r.Ratings)
                .ThenBy(r => r.OfficerId, StringComparer.Ordinal))
            {
                ranks[report.OfficerId] = ++rank;
            }
        }
        return reports
            .Select(r => ranks.TryGetValue(r.OfficerId, out var rank) ? r with { Rank = rank } : r)
            .ToArray();
    }
}
