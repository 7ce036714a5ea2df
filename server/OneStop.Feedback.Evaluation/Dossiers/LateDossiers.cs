using OneStop.Feedback.Evaluation.Calendar;

namespace OneStop.Feedback.Evaluation.Dossiers;

/// <summary>The late dossiers of a month, for apology letters.</summary>
public static class LateDossiers
{
    /// <summary>
    /// Dossiers whose due instant falls in the month (a dossier becomes late at its due instant, so each late
    /// dossier is listed in exactly one month) and that were completed after due, or are not completed and past due
    /// at <paramref name="now"/>. Ordered by due, then code.
    /// </summary>
    public static IReadOnlyList<LateDossier> List(IEnumerable<DossierOutcome> dossiers, Month month, DateTimeOffset now) =>
        dossiers
            .Where(d => d.Due is not null && month.Contains(d.Due.Value))
            .Where(d => d.CompletedLate || d.OverdueAt(now))
            .Select(d => new LateDossier(d.Code, d.Procedure, d.CounterId, d.Due!.Value, d.CompletedAt, (d.CompletedAt ?? now) - d.Due.Value, d.ReceivedAt))
            .OrderBy(d => d.Due)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToArray();
}
