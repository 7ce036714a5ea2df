using OneStop.Feedback.Evaluation.Attribution;

namespace OneStop.Feedback.Evaluation.Dossiers;

/// <summary>Joins "received" service events with completions into one outcome per dossier.</summary>
public static class DossierOutcomes
{
    /// <summary>
    /// One outcome per dossier that has a received event, ordered by code. A dossier received twice (returned for
    /// supplements and received again) keeps its first receipt, whose due is the promise made to the citizen;
    /// of several completions the first counts, because that is when the citizen could collect the result.
    /// </summary>
    public static IReadOnlyList<DossierOutcome> From(IEnumerable<ServiceEvent> serviceEvents, IEnumerable<DossierCompletion> completions)
    {
        var completedAt = completions
            .GroupBy(c => c.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(c => c.CompletedAt), StringComparer.Ordinal);
        return serviceEvents
            .Where(e => e.Kind == ServiceEventKind.Received)
            .GroupBy(e => e.Dossier, StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.At).ThenBy(e => e.Id).First())
            .Select(e => new DossierOutcome(
                e.Dossier, e.Procedure, e.CounterId, e.At, e.Due, completedAt.TryGetValue(e.Dossier, out var at) ? at : null))
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToArray();
    }
}
