using System.ComponentModel.DataAnnotations;

namespace OneStop.Feedback.Server.Mqtt;

/// <summary>Configuration section <c>Mqtt</c>. The names are a public contract (README, deployment scripts).</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    /// <summary><c>embedded</c> (default) or <c>external</c>.</summary>
    public MqttMode Mode { get; set; } = MqttMode.Embedded;

    /// <summary>Address the embedded broker listens on; 127.0.0.1 unless terminals on the LAN must reach it.</summary>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>Embedded: TCP port the broker listens on (0 = any free port). External: the broker's port.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>Messages a client may have queued in the broker before it refuses more (MQTTnet's default of
    /// 1,000 with "drop oldest" would lose data silently, so the overflow strategy is "drop new" and the
    /// limit is high).</summary>
    [Range(1, 10_000_000)]
    public int MaxPendingMessagesPerClient { get; set; } = 100_000;

    /// <summary>External: host name or address of the broker.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>External: the server's own MQTT user (also written to the generated Mosquitto passwd/acl).</summary>
    public string? Username { get; set; }

    /// <summary>External: the server's own MQTT password.</summary>
    public string? Password { get; set; }

    /// <summary>External: connect with TLS.</summary>
    public bool UseTls { get; set; }

    /// <summary>External, with TLS: PEM file of the CA that signed the broker's certificate (else the system trust store).</summary>
    public string? CaFile { get; set; }

    /// <summary>External: the MQTT client id. It names the persistent session, so it must stay the same across
    /// restarts of one replica and differ between replicas.</summary>
    public string ClientId { get; set; } = "onestop-ingest-" + Environment.MachineName.ToLowerInvariant();

    /// <summary>External: subscribe through the shared group <c>$share/ingest/…</c> so that several replicas split the
    /// messages, instead of each replica receiving every message (the default; see docs/deployment.md for the
    /// Mosquitto 2.0.11 restart problem that made plain subscriptions the default).</summary>
    public bool SharedSubscription { get; set; }

    /// <summary>External: how long the broker keeps the session (and queues messages) while the server is away.</summary>
    [Range(1, uint.MaxValue)]
    public long SessionExpirySeconds { get; set; } = 7 * 24 * 3600;

    /// <summary>External: messages the broker may have in flight to the server, unacknowledged, at once. Large, so
    /// that many messages wait for the same group commit; the broker's <c>max_inflight_messages</c> should match.</summary>
    [Range(1, 65535)]
    public int ReceiveMaximum { get; set; } = 1000;
}
