namespace OneStop.Feedback.Server.Mqtt;

/// <summary>The broker side as /healthz shows it.</summary>
/// <param name="Mode"><c>embedded</c> or <c>external</c>.</param>
/// <param name="Connected">Embedded: the broker runs. External: the server's subscriber is connected.</param>
/// <param name="Unacknowledged">External: messages received and not yet acknowledged (waiting for their commit).</param>
public sealed record BrokerStatus(string Mode, bool Connected, int Unacknowledged);
