namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>How the officer of a rating was found.</summary>
public enum AttributionMethod
{
    /// <summary>No officer.</summary>
    None,

    /// <summary>The officer named by the service event the rating took.</summary>
    ServiceEvent,

    /// <summary>The officer of the shift at the counter (at the event's time, or at the rating's time).</summary>
    Shift,
}
