using Microsoft.Extensions.Options;
using MQTTnet;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Terminals;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.External;

/// <summary>The documented procedure after provisioning or rotating: regenerate the files, reload Mosquitto (SIGHUP).</summary>
public class ProvisioningReloadTests
{
    [Fact]
    public async Task NewTerminalAndRotatedSecretTakeEffectAfterRegeneratingAndReloading()
    {
        await using var setup = await ExternalSetup.StartAsync("T1");
        var added = setup.Provision("T2").Single();
        var oldSecret = setup.Terminals[0].Secret;
        var database = new Database(Options.Create(new StorageOptions { DataDirectory = setup.Data.Path }));
        var rotated = new TerminalRegistry(database, TimeProvider.System, Options.Create(new OneStop.Feedback.Evaluation.Attribution.AttributionOptions())).RotateSecret("T1")!;
        using var client = new MqttClientFactory().CreateMqttClient();
        using var openSession = await setup.ConnectTerminalAsync(setup.Terminals[0]); // connected with the old secret

        // Before the reload Mosquitto still has the old files.
        Assert.NotEqual(MqttClientConnectResultCode.Success, (await client.ConnectAsync(setup.TerminalOptions("T2", added.Secret))).ResultCode);

        Assert.True(openSession.IsConnected);
        setup.GenerateFiles(setup.Broker.Port);
        await setup.Broker.ReloadAsync();

        await Poll.UntilAsync(
            async () => (await client.ConnectAsync(setup.TerminalOptions("T2", added.Secret))).ResultCode,
            code => code == MqttClientConnectResultCode.Success, TimeSpan.FromSeconds(10), "the new terminal to be accepted");
        await client.DisconnectAsync();
        Assert.Equal(MqttClientConnectResultCode.Success, (await client.ConnectAsync(setup.TerminalOptions("T1", rotated.Secret))).ResultCode);
        await client.DisconnectAsync();
        Assert.NotEqual(MqttClientConnectResultCode.Success, (await client.ConnectAsync(setup.TerminalOptions("T1", oldSecret))).ResultCode);
        // Mosquitto re-checks connected clients at a reload: the session opened with the old secret is dropped.
        await Poll.UntilAsync(() => Task.FromResult(openSession.IsConnected), connected => !connected, TimeSpan.FromSeconds(10), "the old session to be dropped");
    }
}
