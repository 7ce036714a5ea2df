using System.Data.Common;
using System.Globalization;
using OneStop.Feedback.Dashboard.Dossiers;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Dossiers;
using OneStop.Feedback.Server.Evaluations;
using OneStop.Feedback.Server.Organisation;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Dossiers;

/// <summary>
/// The dashboard's apology letters on the store: which dossiers are late is the evaluation library's rule
/// (<see cref="LateDossiers"/>, <see cref="DossierOutcome"/>); this adds counter and unit names and the letter's
/// row in <c>apology_letters</c>.
/// </summary>
public sealed class ApologyLetterStore(Database database, EvaluationQueries evaluation, ServiceEventStore dossiers, OrganisationStore organisation, TimeProvider time)
    : IApologyLetters
{
    private const string LetterColumns = "citizen_name, new_due, reason, updated_by, updated_at, sent_by, sent_at";

    public IReadOnlyList<LateDossierEntry> Late(Month month)
    {
        var late = evaluation.Late(month);
        if (late.Count == 0)
        {
            return [];
        }
        var names = Names();
        using var c = database.Open();
        var letters = c.Query($"SELECT dossier, {LetterColumns} FROM apology_letters", r => (Code: r.GetString(0), Letter: Read(r, 1)))
            .ToDictionary(x => x.Code, x => x.Letter, StringComparer.Ordinal);
        // The received instant comes with the late list: looking each dossier up again was one query per late dossier
        // (651,000 of them in the 10 M benchmark month).
        return late.Select(d => Entry(d.Code, d.Procedure, d.CounterId, d.ReceivedAt, d.Due, d.CompletedAt,
            letters.GetValueOrDefault(d.Code), names)).ToList();
    }

    public LateDossierEntry? Find(string code)
    {
        if (dossiers.Find(code) is not { ReceivedAt: { } received, Counter: { } counter, DueAt: { } due } d)
        {
            return null;
        }
        var outcome = new DossierOutcome(d.Code, d.Procedure, counter, received, due, d.CompletedAt);
        if (!outcome.CompletedLate && !outcome.OverdueAt(time.GetUtcNow()))
        {
            return null;
        }
        using var c = database.Open();
        var letter = c.Query($"SELECT {LetterColumns} FROM apology_letters WHERE dossier = $code", r => Read(r, 0), ("$code", code)).SingleOrDefault();
        return Entry(d.Code, d.Procedure, counter, received, due, d.CompletedAt, letter, Names());
    }

    public bool Save(string code, ApologyDraft draft, string by, DateTimeOffset at)
    {
        if (Find(code) is null)
        {
            return false;
        }
        using var c = database.Open();
        c.Execute("""
            INSERT INTO apology_letters (dossier, citizen_name, new_due, reason, updated_by, updated_at)
            VALUES ($code, $name, $due, $reason, $by, $at)
            ON CONFLICT (dossier) DO UPDATE SET citizen_name = excluded.citizen_name, new_due = excluded.new_due,
                reason = excluded.reason, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """,
            ("$code", code), ("$name", draft.CitizenName), ("$due", draft.NewDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("$reason", draft.Reason), ("$by", by), ("$at", at.ToUnixTimeMilliseconds()));
        return true;
    }

    public bool MarkSent(string code, string by, DateTimeOffset at)
    {
        if (Find(code) is null)
        {
            return false;
        }
        using var c = database.Open();
        c.Execute("""
            INSERT INTO apology_letters (dossier, updated_by, updated_at, sent_by, sent_at) VALUES ($code, $by, $at, $by, $at)
            ON CONFLICT (dossier) DO UPDATE SET sent_by = excluded.sent_by, sent_at = excluded.sent_at
            """,
            ("$code", code), ("$by", by), ("$at", at.ToUnixTimeMilliseconds()));
        return true;
    }

    private (Dictionary<string, CounterRecord> Counters, Dictionary<string, UnitRecord> Units) Names() =>
        (organisation.Counters().ToDictionary(k => k.Id, StringComparer.Ordinal), organisation.Units().ToDictionary(u => u.Id, StringComparer.Ordinal));

    private static LateDossierEntry Entry(string code, string? procedure, string counterId, DateTimeOffset? received, DateTimeOffset due, DateTimeOffset? completed,
        ApologyRecord? letter, (Dictionary<string, CounterRecord> Counters, Dictionary<string, UnitRecord> Units) names)
    {
        var counter = names.Counters.GetValueOrDefault(counterId);
        var unit = counter is null ? null : names.Units.GetValueOrDefault(counter.UnitId);
        return new LateDossierEntry(code, procedure, counter?.Name ?? counterId, counter?.UnitId, unit?.Name, received, due, completed, letter);
    }

    private static ApologyRecord Read(DbDataReader r, int first) => new(
        r.NullableString(first),
        r.NullableString(first + 1) is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        r.NullableString(first + 2),
        r.GetString(first + 3),
        r.Time(first + 4),
        r.NullableString(first + 5),
        r.NullableTime(first + 6));
}
