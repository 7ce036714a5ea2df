namespace OneStop.Feedback.Server.Protocol;

/// <summary>A valid v1 event (badge tap, boot, stuck button…) with its JSON body kept verbatim.</summary>
public sealed record TerminalEvent(long Boot, long Seq, long Timestamp, string Kind, string? BadgeUid, string Body)
{
    public bool ClockSynced => Timestamp > 0;
}
