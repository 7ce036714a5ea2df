using OneStop.Feedback.Server.Protocol;

namespace OneStop.Feedback.Server.Ingest;

/// <summary>
/// One terminal message on its way to the database. The broker side awaits <see cref="Completion"/>, which the
/// ingest writer completes only after the transaction holding the item has committed: that await is what
/// makes a PUBACK mean "stored".
/// </summary>
public abstract record IngestItem(string Topic, string? TerminalId, long ReceivedAtMs, byte[] Payload)
{
    public TaskCompletionSource<IngestOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A valid rating.</summary>
public sealed record RatingItem(string Topic, string TerminalId, long ReceivedAtMs, byte[] Payload, RatingPayload Rating)
    : IngestItem(Topic, TerminalId, ReceivedAtMs, Payload);

/// <summary>A valid event (badge tap, boot…).</summary>
public sealed record EventItem(string Topic, string TerminalId, long ReceivedAtMs, byte[] Payload, TerminalEvent Event)
    : IngestItem(Topic, TerminalId, ReceivedAtMs, Payload);

/// <summary>A status change: from a status message, or from the broker seeing a terminal connect or drop.</summary>
public sealed record StatusItem(string Topic, string TerminalId, long ReceivedAtMs, byte[] Payload, string State, string? Detail)
    : IngestItem(Topic, TerminalId, ReceivedAtMs, Payload);

/// <summary>Input that is not stored as what it claims to be; kept with its reason.</summary>
public sealed record RejectionItem(string Topic, string? TerminalId, long ReceivedAtMs, byte[] Payload, int PayloadSize, string Reason, string Detail)
    : IngestItem(Topic, TerminalId, ReceivedAtMs, Payload);
