namespace OneStop.Feedback.Server.Mqtt;

/// <summary>What the rest of the server asks of the broker, whichever broker it is: the embedded MQTTnet broker
/// or the subscriber to an external Mosquitto (<c>Mqtt:Mode</c>).</summary>
public interface IBrokerControl
{
    /// <summary>Drops every connection of a terminal, e.g. after its secret was rotated. An external broker cannot
    /// be asked to: there the new secret takes effect when the passwd file is regenerated and the broker reloaded.</summary>
    Task DisconnectTerminalAsync(string terminalId, CancellationToken cancellationToken);

    /// <summary>Ids of the terminals connected right now (only the embedded broker knows; empty otherwise).</summary>
    IReadOnlyCollection<string> ConnectedTerminals { get; }

    /// <summary>Publishes a server → terminal message (retained config, rating windows) with QoS 1. Throws when
    /// the broker cannot take it (external broker unreachable or refusing).</summary>
    Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, bool retain, CancellationToken cancellationToken);

    /// <summary>For /healthz: which broker, and whether the server can take messages from it.</summary>
    BrokerStatus Status { get; }
}
