namespace OneStop.Feedback.Evaluation.Organisation;

/// <summary>
/// A node of the organisation tree. Validity is the half-open range [ValidFrom, ValidTo): when communes and
/// wards merge, the old units get a ValidTo and the new ones a ValidFrom, and history keeps both.
/// </summary>
/// <param name="RequireServiceEvent">Ratings at this unit's own counters that took no service event are flagged no-service.</param>
public sealed record Unit(
    string Id,
    string Name,
    string? ParentId,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidTo = null,
    bool RequireServiceEvent = false)
{
    /// <summary>True when the unit's validity overlaps [from, to).</summary>
    public bool IsValidDuring(DateTimeOffset from, DateTimeOffset to) =>
        ValidFrom < to && (ValidTo is null || ValidTo.Value > from);
}
