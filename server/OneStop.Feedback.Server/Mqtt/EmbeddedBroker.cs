using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using OneStop.Feedback.Server.Ingest;
using OneStop.Feedback.Server.Protocol;
using OneStop.Feedback.Server.Terminals;

namespace OneStop.Feedback.Server.Mqtt;

/// <summary>
/// The MQTT broker inside the server process (MQTTnet). Terminals authenticate with their id and secret; each
/// publish is handed to the ingest pipeline from the publish interceptor, which MQTTnet awaits before it sends
/// the PUBACK, so a terminal's PUBACK means the rating is committed. A terminal may publish only under its
/// own id and subscribe only to its own config and window topics.
/// </summary>
public sealed partial class EmbeddedBroker(
    IOptions<MqttOptions> options,
    TerminalRegistry registry,
    TerminalMessageHandler handler,
    ILogger<EmbeddedBroker> logger) : IHostedService, IBrokerControl, IAsyncDisposable
{
    private const string ServerClientId = "onestop-server";
    private readonly ConcurrentDictionary<string, string> _terminalOfClient = new(StringComparer.Ordinal);
    private MqttServer? _server;

    /// <summary>The port the broker listens on (resolved when <c>Mqtt:Port</c> is 0).</summary>
    public int Port { get; private set; }

    public IReadOnlyCollection<string> ConnectedTerminals => _terminalOfClient.Values.Distinct(StringComparer.Ordinal).ToArray();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var address = IPAddress.Parse(o.Address);
        Port = o.Port == 0 ? FreePort(address) : o.Port;
        var builder = new MqttServerFactory().CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(Port)
            .WithPersistentSessions(true)
            .WithMaxPendingMessagesPerClient(o.MaxPendingMessagesPerClient)
            .WithPendingMessagesOverflowStrategy(MqttPendingMessagesOverflowStrategy.DropNewMessage);
        builder = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? builder.WithDefaultEndpointBoundIPAddress(IPAddress.None).WithDefaultEndpointBoundIPV6Address(address)
            : builder.WithDefaultEndpointBoundIPAddress(address).WithDefaultEndpointBoundIPV6Address(IPAddress.None);

        _server = new MqttServerFactory().CreateMqttServer(builder.Build());
        _server.ValidatingConnectionAsync += ValidateConnection;
        _server.InterceptingPublishAsync += InterceptPublish;
        _server.InterceptingSubscriptionAsync += InterceptSubscription;
        _server.ClientConnectedAsync += ClientConnected;
        _server.ClientDisconnectedAsync += ClientDisconnected;
        await _server.StartAsync();
        LogListening(logger, o.Address, Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            return;
        }
        try
        {
            await _server.StopAsync();
        }
        catch (InvalidOperationException ex)
        {
            // MQTTnet 5.2 can trip over its own connection list while clients drop during stop
            // ("Collection was modified"); the listener is closed either way, and disposal follows.
            LogStopRace(logger, ex.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _server?.Dispose();
        await Task.CompletedTask;
    }

    public async Task DisconnectTerminalAsync(string terminalId, CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            return;
        }
        foreach (var client in await _server.GetClientsAsync())
        {
            if (_terminalOfClient.TryGetValue(client.Id, out var terminal) && terminal == terminalId)
            {
                await client.DisconnectAsync(new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.NotAuthorized });
            }
        }
    }

    public BrokerStatus Status => new("embedded", _server?.IsStarted ?? false, 0);

    /// <summary>Injects a server → terminal message. It has no user name, so the publish interceptor lets it through
    /// to the subscribed terminals instead of ingesting it.</summary>
    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, bool retain, CancellationToken cancellationToken)
    {
        var server = _server ?? throw new InvalidOperationException("The embedded MQTT broker is not running");
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(new ReadOnlySequence<byte>(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build();
        await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = ServerClientId }, cancellationToken);
    }

    private Task ValidateConnection(ValidatingConnectionEventArgs e)
    {
        var user = e.UserName;
        var password = e.Password;
        if (user is null || password is null || !TerminalId.IsValid(user) || !registry.VerifySecret(user, password))
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            LogRefused(logger, user ?? "(none)", e.ClientId);
        }
        else if (string.IsNullOrEmpty(e.ClientId))
        {
            // MQTT lets a client leave its id to the broker (mosquitto_pub does). MQTTnet honours an assigned
            // id only for MQTT 5 and refuses an empty one under 3.1.1, which the 3.1.1 spec allows with a clean
            // session; ClientIdAssignment covers that case (pinned by a test against mosquitto_pub).
            e.AssignedClientIdentifier = user + "-" + Guid.NewGuid().ToString("N")[..12];
            ClientIdAssignment.Apply(e, e.AssignedClientIdentifier);
        }
        return Task.CompletedTask;
    }

    private async Task InterceptPublish(InterceptingPublishEventArgs e)
    {
        if (e.UserName is null)
        {
            return; // injected by the server itself (config, window): no terminal publishes anonymously
        }
        try
        {
            var verdict = await handler.HandleAsync(e.ApplicationMessage.Topic, e.UserName, e.ApplicationMessage.Payload, e.CancellationToken);
            e.ProcessPublish = false; // consumed here; terminal data is not routed to other clients
            e.Response.ReasonCode = verdict switch
            {
                IngestVerdict.Accepted => MqttPubAckReasonCode.Success,
                IngestVerdict.Rejected => MqttPubAckReasonCode.PayloadFormatInvalid,
                _ => MqttPubAckReasonCode.NotAuthorized,
            };
        }
        catch (Exception ex)
        {
            // Not committed (storage failure, shutdown): never acknowledge. MQTT 3.1.1 has no negative PUBACK,
            // so the connection is closed instead; the terminal keeps the message and sends it again.
            e.ProcessPublish = false;
            e.CloseConnection = true;
            e.Response.ReasonCode = MqttPubAckReasonCode.ImplementationSpecificError;
            LogNotStored(logger, ex, e.UserName, e.ApplicationMessage.Topic);
        }
    }

    private Task InterceptSubscription(InterceptingSubscriptionEventArgs e)
    {
        var allowed = e.UserName is { } user
            && TerminalTopic.TryParse(e.TopicFilter.Topic, out var topic)
            && topic.TerminalId == user
            && topic.Kind is TopicKind.Config or TopicKind.Window;
        if (!allowed)
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }
        return Task.CompletedTask;
    }

    private async Task ClientConnected(ClientConnectedEventArgs e)
    {
        if (e.UserName is { } terminal)
        {
            _terminalOfClient[e.ClientId] = terminal;
            await RecordPresence(terminal, online: true);
        }
    }

    private async Task ClientDisconnected(ClientDisconnectedEventArgs e)
    {
        if (_terminalOfClient.TryRemove(e.ClientId, out var terminal) && !_terminalOfClient.Values.Contains(terminal))
        {
            await RecordPresence(terminal, online: false);
        }
    }

    private async Task RecordPresence(string terminal, bool online)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await handler.RecordPresenceAsync(terminal, online, timeout.Token);
        }
        catch (Exception ex)
        {
            // Presence is informational; a failure here must not break the connection handling.
            LogPresenceFailed(logger, ex, terminal);
        }
    }

    private static int FreePort(IPAddress address)
    {
        using var listener = new System.Net.Sockets.TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Embedded broker stop: {Message}")]
    private static partial void LogStopRace(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Address}:{Port}")]
    private static partial void LogListening(ILogger logger, string address, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused MQTT connection of user {User} (client {ClientId}): bad terminal id or secret")]
    private static partial void LogRefused(ILogger logger, string user, string clientId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publish of {User} on {Topic} not stored; not acknowledged, connection closed")]
    private static partial void LogNotStored(ILogger logger, Exception ex, string user, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record presence of terminal {Terminal}")]
    private static partial void LogPresenceFailed(ILogger logger, Exception ex, string terminal);
}
