namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>The attribution of one rating: where, who, which service, and why it is suspect.</summary>
/// <param name="ServiceEventId">The service event the rating took, if any (then Dossier is that event's dossier).</param>
public sealed record AttributedRating(
    Rating Rating,
    string CounterId,
    RatingFlags Flags,
    string? OfficerId,
    AttributionMethod Method,
    long? ServiceEventId,
    string? Dossier)
{
    public DateTimeOffset At => Rating.At;

    /// <summary>Excluded ratings are counted apart and never enter a score.</summary>
    public bool Excluded => (Flags & RatingFlagNames.Excluding) != 0;
}
