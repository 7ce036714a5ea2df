using MQTTnet;
using MQTTnet.Protocol;
using OneStop.Feedback.Firmware.Core.Protocol;

namespace OneStop.Feedback.Simulation;

/// <summary>
/// The connect sequence of a terminal, as the firmware does it with M2Mqtt: credentials = terminal id and
/// secret, last will "offline" retained on the status topic, then the config and window subscriptions, then a
/// retained JSON status.
/// </summary>
internal static class TerminalConnection
{
    public static async Task ConnectAsync(IMqttClient client, SimulatedTerminalOptions terminal, string statusJson, CancellationToken cancellationToken)
    {
        var factory = new MqttClientFactory();
        var id = terminal.TerminalId;
        var status = Topics.Status(id);
        var options = factory.CreateClientOptionsBuilder()
            .WithTcpServer(terminal.BrokerHost, terminal.BrokerPort)
            .WithClientId(id)
            .WithCredentials(id, terminal.Secret)
            .WithProtocolVersion(terminal.ProtocolVersion)
            .WithCleanSession(true) // config is retained, so a fresh session loses nothing
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithWillTopic(status).WithWillPayload(StatusPayload.OfflineBytes()).WithWillRetain()
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await client.ConnectAsync(options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            // MQTTnet returns (does not throw) on a refused CONNECT.
            throw new InvalidOperationException("broker refused the connection: " + result.ResultCode);
        }
        await client.SubscribeAsync(factory.CreateSubscribeOptionsBuilder()
            .WithTopicFilter(Topics.Config(id), MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(Topics.Window(id), MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);
        // No meaningful free-heap or RSSI on a PC: the status reports them as 0.
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(status).WithPayload(statusJson)
            .WithRetainFlag().WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
    }
}
