namespace OneStop.Feedback.Server.Mqtt;

/// <summary>What the rest of the server asks of the broker, whichever broker it is (embedded now; an external
/// Mosquitto/EMQX in production mode).</summary>
public interface IBrokerControl
{
    /// <summary>Drops every connection of a terminal, e.g. after its secret was rotated.</summary>
    Task DisconnectTerminalAsync(string terminalId, CancellationToken cancellationToken);

    /// <summary>Ids of the terminals connected right now.</summary>
    IReadOnlyCollection<string> ConnectedTerminals { get; }
}
