using MQTTnet.Formatter;
using OneStop.Feedback.Firmware.Core.Connectivity;
using OneStop.Feedback.Firmware.Core.Outbox;

namespace OneStop.Feedback.Simulation;

/// <summary>How one simulated terminal connects and how far it goes.</summary>
public sealed class SimulatedTerminalOptions
{
    public required string TerminalId { get; init; }

    public required string Secret { get; init; }

    public string BrokerHost { get; init; } = "127.0.0.1";

    public int BrokerPort { get; init; } = 1883;

    /// <summary>MQTT 3.1.1 like the real M2Mqtt client by default; 5.0 shows PUBACK reason codes.</summary>
    public MqttProtocolVersion ProtocolVersion { get; init; } = MqttProtocolVersion.V311;

    /// <summary>Folder of this terminal's flash outbox (outbox.bin, outbox.ack, boot.bin); created when missing.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Messages awaiting PUBACK at once (the firmware uses 1–4).</summary>
    public int Window { get; init; } = 4;

    /// <summary>Ratings to take before the citizen is no longer asked; negative = no limit.</summary>
    public int MaxRatings { get; init; } = -1;

    /// <summary>
    /// Skip the thank-you pause and the configured minimum interval on the session's clock, so a citizen faster
    /// than a human is not ignored by the session's "too soon" rule. Off for a person at the keyboard.
    /// </summary>
    public bool FastForward { get; init; } = true;

    public int OutboxCapacity { get; init; } = Outbox.DefaultCapacity;

    public long OutboxMaxBytes { get; init; } = Outbox.DefaultMaxFileBytes;

    public long ReconnectInitialMs { get; init; } = ReconnectPolicy.DefaultInitialMs;

    public long ReconnectMaxMs { get; init; } = ReconnectPolicy.DefaultMaxMs;

    public string FirmwareVersion { get; init; } = "sim-1.0";
}
