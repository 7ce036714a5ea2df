using System.Net;
using MQTTnet.Server;

namespace OneStop.Feedback.Benchmarks;

/// <summary>
/// The baseline: a bare MQTTnet broker with the same endpoint options as the server's embedded one, but no
/// authentication and no ingest. It runs in its own process, like the server does, so both sides of the
/// ratio pay the same process and socket costs.
/// </summary>
public static class RawBroker
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var port = options.Number("port", 18830);
        var factory = new MqttServerFactory();
        var serverOptions = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(port)
            .WithPersistentSessions(true)
            .WithMaxPendingMessagesPerClient(1_000_000)
            .WithPendingMessagesOverflowStrategy(MQTTnet.Server.MqttPendingMessagesOverflowStrategy.DropNewMessage)
            .Build();
        using var server = factory.CreateMqttServer(serverOptions);
        await server.StartAsync();
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
