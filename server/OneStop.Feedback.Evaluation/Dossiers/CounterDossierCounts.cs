using OneStop.Feedback.Evaluation.Calendar;

namespace OneStop.Feedback.Evaluation.Dossiers;

/// <summary>
/// The dossiers of one counter completed in a month, counted the way the evaluation counts them: all of them, those
/// with a due instant, those completed by it, and those completed after it. A store can compute these with one
/// grouped query instead of handing millions of <see cref="DossierOutcome"/>s to the evaluation.
/// </summary>
public sealed record CounterDossierCounts(string CounterId, int Completed, int WithDue, int OnTime, int Late)
{
    /// <summary>The counts per counter of the dossiers in <paramref name="dossiers"/> completed in <paramref name="month"/>.</summary>
    public static IReadOnlyList<CounterDossierCounts> Of(IEnumerable<DossierOutcome> dossiers, Month month) =>
        dossiers
            .Where(d => d.CompletedAt is not null && month.Contains(d.CompletedAt.Value))
            .GroupBy(d => d.CounterId, StringComparer.Ordinal)
            .Select(g => new CounterDossierCounts(
                g.Key,
                g.Count(),
                g.Count(d => d.Due is not null),
                g.Count(d => d.Due is not null && !d.CompletedLate),
                g.Count(d => d.CompletedLate)))
            .ToList();
}
