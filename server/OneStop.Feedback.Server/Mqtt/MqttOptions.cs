using System.ComponentModel.DataAnnotations;

namespace OneStop.Feedback.Server.Mqtt;

/// <summary>Configuration section <c>Mqtt</c>. The names are a public contract (README, deployment scripts).</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    /// <summary>Address the embedded broker listens on; 127.0.0.1 unless terminals on the LAN must reach it.</summary>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>TCP port of the embedded broker.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>Messages a client may have queued in the broker before it refuses more (MQTTnet's default of
    /// 1,000 with "drop oldest" would lose data silently, so the overflow strategy is "drop new" and the
    /// limit is high).</summary>
    [Range(1, 10_000_000)]
    public int MaxPendingMessagesPerClient { get; set; } = 100_000;
}
