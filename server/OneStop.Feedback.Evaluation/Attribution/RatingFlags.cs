namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>Why a rating is suspect. Flags are kept with the rating; all but ClockUnsynced exclude it from scores.</summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming", "CA1711", Justification = "\"Flag\" is the project's vocabulary word (cờ bất thường); a rating carries a set of flags.")]
public enum RatingFlags
{
    None = 0,

    /// <summary>Less than MinIntervalSeconds after the terminal's previous press.</summary>
    TooSoon = 1,

    /// <summary>The service event of its window already had a rating.</summary>
    DuplicateForDossier = 2,

    /// <summary>The unit requires a service event and none was in the window.</summary>
    NoService = 4,

    /// <summary>An appeal against the rating was accepted.</summary>
    Voided = 8,

    /// <summary>The terminal clock was not synchronised; receive time was used. Informational only.</summary>
    ClockUnsynced = 16,
}
