namespace OneStop.Feedback.Server.Protocol;

/// <summary>A valid v1 rating payload, as the terminal sent it (times untouched).</summary>
/// <param name="Boot">The terminal's boot counter, persisted on the terminal and incremented at each start.</param>
/// <param name="Seq">Monotonic within a boot; (terminal, boot, seq) identifies the rating.</param>
/// <param name="Timestamp">Terminal clock in unix ms, 0 when the terminal's clock was not synchronised.</param>
public sealed record RatingPayload(long Boot, long Seq, long Timestamp, int Scale, int Score, Criteria Criteria)
{
    public bool ClockSynced => Timestamp > 0;
}
