namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>The wire names of flags and attribution methods (API, CSV, database).</summary>
public static class RatingFlagNames
{
    /// <summary>Flags that exclude a rating from scores.</summary>
    public const RatingFlags Excluding =
        RatingFlags.TooSoon | RatingFlags.DuplicateForDossier | RatingFlags.NoService | RatingFlags.Voided;

    /// <summary>The kebab-case names of the set flags, in enum order.</summary>
    public static IReadOnlyList<string> Names(RatingFlags flags)
    {
        var names = new List<string>();
        if (flags.HasFlag(RatingFlags.TooSoon))
        {
            names.Add("too-soon");
        }
        if (flags.HasFlag(RatingFlags.DuplicateForDossier))
        {
            names.Add("duplicate-for-dossier");
        }
        if (flags.HasFlag(RatingFlags.NoService))
        {
            names.Add("no-service");
        }
        if (flags.HasFlag(RatingFlags.Voided))
        {
            names.Add("voided");
        }
        if (flags.HasFlag(RatingFlags.ClockUnsynced))
        {
            names.Add("clock-unsynced");
        }
        return names;
    }

    public static string Name(AttributionMethod method) => method switch
    {
        AttributionMethod.ServiceEvent => "service-event",
        AttributionMethod.Shift => "shift",
        _ => "none",
    };
}
