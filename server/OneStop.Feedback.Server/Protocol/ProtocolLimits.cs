namespace OneStop.Feedback.Server.Protocol;

/// <summary>Limits of protocol v1 (docs/protocol.md, "Limits").</summary>
public static class ProtocolLimits
{
    /// <summary>Largest accepted payload of a rating or event message, in bytes.</summary>
    public const int MaxPayloadBytes = 1024;

    /// <summary>Largest accepted status payload, in bytes.</summary>
    public const int MaxStatusBytes = 1024;

    /// <summary>Bytes of a rejected payload kept in its rejection record.</summary>
    public const int StoredRejectedPayloadBytes = 1024;

    /// <summary>boot and seq are unsigned 32-bit counters on the terminal.</summary>
    public const long MaxCounter = uint.MaxValue;

    /// <summary>How far a synchronised terminal clock may run ahead of the server.</summary>
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromMinutes(5);

    /// <summary>How old a buffered message may be (terminals buffer while offline).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(90);

    /// <summary>JSON nesting allowed in a payload (the object plus <c>criteria</c>).</summary>
    public const int MaxDepth = 2;
}
