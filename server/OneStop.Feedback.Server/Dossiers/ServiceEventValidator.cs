using OneStop.Feedback.Server.CsvImport;
using OneStop.Feedback.Server.Organisation;

namespace OneStop.Feedback.Server.Dossiers;

/// <summary>Checks service-event rows (from JSON or CSV) and reports every problem of every row.</summary>
public sealed class ServiceEventValidator(OrganisationStore organisation)
{
    public static readonly string[] Kinds = ["received", "returned"];

    public (List<ServiceEventRecord> Valid, List<RowError> Errors) Validate(IReadOnlyList<(int Row, ServiceEventRow Event)> rows)
    {
        var errors = new List<RowError>();
        var valid = new List<ServiceEventRecord>();
        var counters = organisation.Counters().Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var officers = organisation.Officers().Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (row, e) in rows)
        {
            var before = errors.Count;
            if (string.IsNullOrWhiteSpace(e.Dossier) || e.Dossier.Length > 64)
            {
                errors.Add(new RowError(row, "dossier", "required, at most 64 characters"));
            }
            else if (FreeText.Problem(e.Dossier) is { } dossierProblem)
            {
                errors.Add(new RowError(row, "dossier", dossierProblem));
            }
            if (e.Procedure is { Length: > 300 })
            {
                errors.Add(new RowError(row, "procedure", "at most 300 characters"));
            }
            else if (FreeText.Problem(e.Procedure) is { } procedureProblem)
            {
                errors.Add(new RowError(row, "procedure", procedureProblem));
            }
            if (e.Kind is null || Array.IndexOf(Kinds, e.Kind) < 0)
            {
                errors.Add(new RowError(row, "kind", "'received' or 'returned'"));
            }
            if (e.Counter is null || !counters.Contains(e.Counter))
            {
                errors.Add(new RowError(row, "counter", $"counter '{FreeText.Show(e.Counter)}' does not exist"));
            }
            if (e.Officer is not null && !officers.Contains(e.Officer))
            {
                errors.Add(new RowError(row, "officer", $"officer '{FreeText.Show(e.Officer)}' does not exist"));
            }
            if (!TimeText.TryParse(e.At, out var at))
            {
                errors.Add(new RowError(row, "at", $"'{FreeText.Show(e.At)}' is not a date/time ({TimeText.Expected})"));
            }
            DateTimeOffset? due = null;
            if (e.Due is not null)
            {
                if (e.Kind == "returned")
                {
                    errors.Add(new RowError(row, "due", "only a 'received' event has a due date"));
                }
                else if (TimeText.TryParse(e.Due, out var d))
                {
                    due = d;
                }
                else
                {
                    errors.Add(new RowError(row, "due", $"'{FreeText.Show(e.Due)}' is not a date/time ({TimeText.Expected})"));
                }
            }
            else if (e.Kind == "received")
            {
                errors.Add(new RowError(row, "due", "required on a 'received' event (the promised return date)"));
            }
            if (errors.Count == before)
            {
                valid.Add(new ServiceEventRecord(e.Dossier!.Trim(), e.Procedure?.Trim(), e.Kind!, e.Counter!, e.Officer, at, due));
            }
        }
        return (valid, errors);
    }
}
