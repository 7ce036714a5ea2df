using OneStop.Feedback.Evaluation.Calendar;

namespace OneStop.Feedback.Dashboard.Dossiers;

/// <summary>
/// Late dossiers and their apology letters, as the host stores them. The dashboard does not reference the server,
/// so the host registers its implementation (as it hands over the monthly report function).
/// </summary>
public interface IApologyLetters
{
    /// <summary>Dossiers that became late in the month (the evaluation's rule), each with its letter if begun.</summary>
    IReadOnlyList<LateDossierEntry> Late(Month month);

    /// <summary>The dossier if it is late now; null when unknown or not late.</summary>
    LateDossierEntry? Find(string code);

    /// <summary>Stores the letter's variable parts (replacing earlier ones); false when the dossier is not late.</summary>
    bool Save(string code, ApologyDraft draft, string by, DateTimeOffset at);

    /// <summary>Records that the letter was sent; false when the dossier is not late.</summary>
    bool MarkSent(string code, string by, DateTimeOffset at);
}
