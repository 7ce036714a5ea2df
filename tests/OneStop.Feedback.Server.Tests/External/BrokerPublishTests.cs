using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using OneStop.Feedback.Server.Mqtt;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.External;

/// <summary>IBrokerControl.PublishAsync reaches a terminal in both modes: retained config seen by a later subscriber.</summary>
public class BrokerPublishTests
{
    [Fact]
    public async Task RetainedConfigPublishedByTheEmbeddedBrokerReachesTheTerminal()
    {
        await using var app = new TestApp();
        var terminal = await app.CreateTerminalAsync("T1");
        await app.Services.GetRequiredService<IBrokerControl>()
            .PublishAsync("onestop/v1/t/T1/config", Encoding.UTF8.GetBytes("{\"v\":1}"), retain: true, CancellationToken.None);

        using var client = await app.ConnectAsync(terminal);
        Assert.Equal("{\"v\":1}", await ReceiveAsync(client, "onestop/v1/t/T1/config"));
    }

    [Fact]
    public async Task RetainedConfigPublishedThroughMosquittoReachesTheTerminal()
    {
        await using var setup = await ExternalSetup.StartAsync("T1");
        await using var app = new TestApp(setup.ServerSettings);
        await ExternalSetup.WaitUntilConnectedAsync(app.Client);
        await app.Services.GetRequiredService<IBrokerControl>()
            .PublishAsync("onestop/v1/t/T1/config", Encoding.UTF8.GetBytes("{\"v\":1}"), retain: true, CancellationToken.None);

        using var client = await setup.ConnectTerminalAsync(setup.Terminals[0]);
        Assert.Equal("{\"v\":1}", await ReceiveAsync(client, "onestop/v1/t/T1/config"));
    }

    private static async Task<string> ReceiveAsync(IMqttClient client, string topic)
    {
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.TrySetResult(e.ApplicationMessage.ConvertPayloadToString());
            return Task.CompletedTask;
        };
        var subscribe = await client.SubscribeAsync(topic, MqttQualityOfServiceLevel.AtLeastOnce);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, Assert.Single(subscribe.Items).ResultCode);
        return await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
