namespace OneStop.Feedback.Dashboard.Dossiers;

/// <summary>
/// What the office recorded for a dossier's apology letter: the applicant's name (the one-stop software does not
/// send it, so it is typed in), the new return date and the reason; and who sent the letter, when.
/// </summary>
public sealed record ApologyRecord(
    string? CitizenName, DateOnly? NewDue, string? Reason, string UpdatedBy, DateTimeOffset UpdatedAt, string? SentBy, DateTimeOffset? SentAt);
