namespace OneStop.Feedback.Server.Ingest;

/// <summary>What the commit did with an item. Every outcome is durable when it is reported.</summary>
public enum IngestOutcomeKind
{
    /// <summary>Stored for the first time.</summary>
    Stored,

    /// <summary>Already stored with the same content (a redelivery); nothing changed.</summary>
    Duplicate,

    /// <summary>Not stored as a rating/event; a rejection record was committed instead.</summary>
    Rejected,
}

public readonly record struct IngestOutcome(IngestOutcomeKind Kind, string? Reason = null)
{
    public static readonly IngestOutcome Stored = new(IngestOutcomeKind.Stored);
    public static readonly IngestOutcome Duplicate = new(IngestOutcomeKind.Duplicate);

    public static IngestOutcome Rejected(string reason) => new(IngestOutcomeKind.Rejected, reason);
}
