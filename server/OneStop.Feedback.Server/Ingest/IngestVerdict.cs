namespace OneStop.Feedback.Server.Ingest;

/// <summary>How a broker adapter should answer a terminal's publish once the handler has returned.</summary>
public enum IngestVerdict
{
    /// <summary>Stored (or already stored): acknowledge with success.</summary>
    Accepted,

    /// <summary>Invalid; the rejection is stored. MQTT 5: PUBACK "payload format invalid" (0x99), the terminal drops it.</summary>
    Rejected,

    /// <summary>A topic this client may not publish to; the attempt is stored. MQTT 5: PUBACK "not authorized" (0x87).</summary>
    NotAuthorized,
}
