using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Dossiers;
using OneStop.Feedback.Evaluation.Organisation;

namespace OneStop.Feedback.Evaluation.Evaluation;

/// <summary>What a month's evaluation reads: reference data, the month's daily aggregates, and dossier outcomes.</summary>
/// <param name="Aggregates">Daily aggregates; days outside the month are ignored.</param>
/// <param name="Dossiers">Dossier outcomes; those completed in the month count.</param>
/// <param name="DossierCounts">
/// When given, the per-counter counts of the dossiers completed in the month, used instead of counting
/// <paramref name="Dossiers"/> (a store counts them with one grouped query; the result is the same).
/// </param>
public sealed record EvaluationInput(
    Month Month,
    IReadOnlyCollection<Unit> Units,
    IReadOnlyCollection<Counter> Counters,
    IReadOnlyCollection<Officer> Officers,
    IReadOnlyCollection<DailyAggregate> Aggregates,
    IReadOnlyCollection<DossierOutcome> Dossiers,
    IReadOnlyCollection<CounterDossierCounts>? DossierCounts = null);
