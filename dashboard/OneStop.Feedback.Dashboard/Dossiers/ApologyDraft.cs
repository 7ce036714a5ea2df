namespace OneStop.Feedback.Dashboard.Dossiers;

/// <summary>Body of <c>PUT /api/v1/dossiers/{code}/apology</c>: the letter's variable parts.</summary>
public sealed record ApologyDraft(string? CitizenName, DateOnly? NewDue, string? Reason)
{
    public const int MaxNameLength = 200, MaxReasonLength = 1000;

    /// <summary>Field errors, empty when the draft can be stored for <paramref name="dossier"/>.</summary>
    public Dictionary<string, string[]> Validate(LateDossierEntry dossier, DateOnly dueDay)
    {
        var errors = new Dictionary<string, string[]>();
        if (CitizenName is { Length: > MaxNameLength })
        {
            errors["citizenName"] = [$"at most {MaxNameLength} characters"];
        }
        if (Reason is { Length: > MaxReasonLength })
        {
            errors["reason"] = [$"at most {MaxReasonLength} characters"];
        }
        if (NewDue is { } d && d <= dueDay)
        {
            errors["newDue"] = [$"must be after the original return date {dueDay:yyyy-MM-dd} of dossier {dossier.Code}"];
        }
        return errors;
    }
}
