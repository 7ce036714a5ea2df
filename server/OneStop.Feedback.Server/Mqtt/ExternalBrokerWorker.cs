using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using OneStop.Feedback.Server.Ingest;

namespace OneStop.Feedback.Server.Mqtt;

/// <summary>
/// Production mode (<c>Mqtt:Mode=external</c>): terminals talk to Mosquitto, which authenticates them and
/// enforces the ACL; this worker is the server's subscriber. It keeps a persistent MQTT 5 session and
/// acknowledges each message only after its commit, so a message is either stored or still held by the broker:
/// - the receive handler only starts the ingest and queues the message, so up to ReceiveMaximum messages are in
///   flight at once and share the ingest writer's group commits (awaiting each one inline would commit one
///   row per transaction and cap ingest near 10k rows/s);
/// - one consumer awaits them in arrival order and sends each PUBACK after its commit. Nothing waits for a batch
///   to fill, so the broker's in-flight window (ReceiveMaximum, Mosquitto's max_inflight_messages) cannot
///   deadlock it: the writer commits whatever has arrived;
/// - a failed commit drops the connection instead of acknowledging, and the broker redelivers everything
///   unacknowledged on the next connect (duplicates are stored once: (terminal, boot, seq) is unique).
/// MQTTnet 5 has no managed client, so the reconnect loop with backoff is here.
/// </summary>
public sealed partial class ExternalBrokerWorker(
    IOptions<MqttOptions> options,
    TerminalMessageHandler handler,
    TimeProvider time,
    ILogger<ExternalBrokerWorker> logger) : BackgroundService, IBrokerControl
{
    /// <summary>Shared-subscription group used when <see cref="MqttOptions.SharedSubscription"/> is on.</summary>
    public const string ShareGroup = "ingest";

    /// <summary>The terminal topics the server reads.</summary>
    public static readonly IReadOnlyList<string> Topics = ["onestop/v1/t/+/rating", "onestop/v1/t/+/event", "onestop/v1/t/+/status"];

    /// <summary>
    /// The topic filters to subscribe. Plain by default: Mosquitto 2.0.11 (Debian 12) restores a persisted shared
    /// subscription after its own restart as an entry that no connection serves, and splits the group's messages
    /// between it and the subscription renewed at reconnect: a third of the ratings acknowledged to the terminals
    /// during a broker restart were never delivered (BrokerRestartTests in OneStop.Feedback.Faults.Tests). With plain
    /// subscriptions several replicas each receive every message and (terminal, boot, seq) keeps it stored once;
    /// <c>Mqtt:SharedSubscription=true</c> makes them split the load through <c>$share/ingest/…</c> instead.
    /// </summary>
    public static IReadOnlyList<string> TopicFilters(bool shared) =>
        shared ? [.. Topics.Select(t => $"$share/{ShareGroup}/{t}")] : Topics;

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Channel<Received> _received = Channel.CreateUnbounded<Received>(new UnboundedChannelOptions { SingleReader = true });
    private TaskCompletionSource _connectionLost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _stopping;
    private int _generation; // bumped per connection: a message is acknowledged only on the connection it came in on
    private int _failedGeneration = -1; // a connection on which a commit failed: nothing more is acknowledged on it
    private int _unacknowledged;

    public IReadOnlyCollection<string> ConnectedTerminals => [];

    public BrokerStatus Status => new("external", _client.IsConnected, Volatile.Read(ref _unacknowledged));

    /// <summary>Mosquitto has no API to kick a client. A rotated secret takes effect once the passwd file is
    /// regenerated (mosquitto-config) and Mosquitto reloaded (SIGHUP); the reload also drops sessions opened with
    /// the old secret (Mosquitto 2.0.11, pinned by a test).</summary>
    public Task DisconnectTerminalAsync(string terminalId, CancellationToken cancellationToken)
    {
        LogCannotDisconnect(logger, terminalId);
        return Task.CompletedTask;
    }

    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, bool retain, CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            throw new InvalidOperationException($"Not connected to the MQTT broker {options.Value.Host}:{options.Value.Port}; '{topic}' was not published");
        }
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(new ReadOnlySequence<byte>(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build();
        var result = await _client.PublishAsync(message, cancellationToken);
        if ((int)result.ReasonCode >= 0x80) // below 0x80 is success, e.g. 0x10 "no matching subscribers"
        {
            throw new InvalidOperationException($"The MQTT broker refused '{topic}': {result.ReasonCode} {result.ReasonString}");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        // Attached before the first connect: with a present session the broker sends queued messages right after CONNACK.
        _client.ApplicationMessageReceivedAsync += OnReceived;
        _client.DisconnectedAsync += OnDisconnected;
        var consumer = Task.Run(() => AcknowledgeInOrderAsync(stoppingToken), CancellationToken.None);
        try
        {
            await ConnectionLoopAsync(stoppingToken);
        }
        finally
        {
            // Whatever is not acknowledged yet stays with the broker and comes back at the next start.
            Interlocked.Increment(ref _generation);
            await DisconnectAsync(MqttClientDisconnectOptionsReason.NormalDisconnection);
            _received.Writer.TryComplete();
            await consumer;
        }
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    private async Task ConnectionLoopAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var clientOptions = ExternalClientOptions.Build(o);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _connectionLost, lost);
            Interlocked.Increment(ref _generation);
            try
            {
                // ConnectAsync does not throw when the broker refuses the CONNECT (bad password): check the code.
                var result = await _client.ConnectAsync(clientOptions, stoppingToken);
                if (result.ResultCode != MqttClientConnectResultCode.Success)
                {
                    LogRefused(logger, o.Host, o.Port, o.Username!, result.ResultCode, result.ReasonString);
                }
                else
                {
                    LogConnected(logger, o.Host, o.Port, o.ClientId, result.IsSessionPresent);
                    await SubscribeAsync(stoppingToken);
                    failures = 0;
                    // Keep-alive detects a dead link; the periodic check covers a missed disconnect event.
                    while (_client.IsConnected && !lost.Task.IsCompleted)
                    {
                        await Task.WhenAny(lost.Task, Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken));
                        stoppingToken.ThrowIfCancellationRequested();
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The message, not the stack: during a long broker outage this repeats every 30 s.
                LogConnectFailed(logger, o.Host, o.Port, ex.GetBaseException().Message);
            }
            Interlocked.Increment(ref _generation);
            await DisconnectAsync(MqttClientDisconnectOptionsReason.ImplementationSpecificError);
            var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures++, 5))));
            LogReconnecting(logger, delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        // Sent on every connect, also with a present session: cheap, and it restores the subscriptions when the
        // broker lost the session (persistence off, expiry passed). No retained messages on subscribing: the
        // retained statuses were ingested when they were published.
        var subscribe = new MqttClientFactory().CreateSubscribeOptionsBuilder();
        foreach (var filter in TopicFilters(options.Value.SharedSubscription))
        {
            subscribe = subscribe.WithTopicFilter(new MqttTopicFilterBuilder().WithTopic(filter)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainHandling(MqttRetainHandling.DoNotSendOnSubscribe).Build());
        }
        var result = await _client.SubscribeAsync(subscribe.Build(), cancellationToken);
        foreach (var item in result.Items)
        {
            if (item.ResultCode != MqttClientSubscribeResultCode.GrantedQoS1)
            {
                LogSubscriptionNotGranted(logger, item.TopicFilter.Topic, item.ResultCode);
            }
        }
    }

    private Task OnReceived(MqttApplicationMessageReceivedEventArgs e)
    {
        e.AutoAcknowledge = false;
        Task<IngestVerdict> handling;
        try
        {
            // Null terminal: Mosquitto's ACL already decided who may publish where. HandleAsync reads the
            // payload before its first await, so the packet buffer is not used after this handler returns.
            handling = handler.HandleAsync(e.ApplicationMessage.Topic, null, e.ApplicationMessage.Payload, _stopping);
        }
        catch (Exception ex)
        {
            handling = Task.FromException<IngestVerdict>(ex);
        }
        Interlocked.Increment(ref _unacknowledged);
        if (!_received.Writer.TryWrite(new Received(Volatile.Read(ref _generation), e, handling)))
        {
            Interlocked.Decrement(ref _unacknowledged); // stopping: not acknowledged, the broker keeps it
        }
        return Task.CompletedTask;
    }

    private Task OnDisconnected(MqttClientDisconnectedEventArgs e)
    {
        if (e.ClientWasConnected && !_stopping.IsCancellationRequested)
        {
            LogDisconnected(logger, e.Reason, e.ReasonString ?? e.Exception?.Message);
        }
        Volatile.Read(ref _connectionLost).TrySetResult();
        return Task.CompletedTask;
    }

    /// <summary>Acknowledges in arrival order (MQTT asks PUBACKs in the order of the PUBLISHes), each after its commit.</summary>
    private async Task AcknowledgeInOrderAsync(CancellationToken stoppingToken)
    {
        await foreach (var entry in _received.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await entry.Handling;
                if (entry.Generation == Volatile.Read(ref _generation) && entry.Generation != Volatile.Read(ref _failedGeneration))
                {
                    await entry.Args.AcknowledgeAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: not committed or not acknowledged; the broker redelivers it at the next start.
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or MQTTnet.Exceptions.MqttClientNotConnectedException)
            {
                // The connection went away before the PUBACK; the broker redelivers, the store de-duplicates.
            }
            catch (Exception ex)
            {
                // Not committed: acknowledge nothing more on this connection and drop it, so that the broker
                // redelivers this message and everything after it.
                var generation = entry.Generation;
                if (generation == Volatile.Read(ref _generation) && Interlocked.Exchange(ref _failedGeneration, generation) != generation)
                {
                    LogNotStored(logger, ex, entry.Args.ApplicationMessage.Topic);
                    Volatile.Read(ref _connectionLost).TrySetResult();
                }
            }
            finally
            {
                Interlocked.Decrement(ref _unacknowledged);
            }
        }
    }

    private async Task DisconnectAsync(MqttClientDisconnectOptionsReason reason)
    {
        if (!_client.IsConnected)
        {
            return;
        }
        try
        {
            // No session expiry here: the one given at CONNECT stays (changing 0 → >0 at DISCONNECT is a protocol error).
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(reason).Build(), CancellationToken.None);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            // Already gone: nothing to say goodbye to.
        }
    }

    private sealed record Received(int Generation, MqttApplicationMessageReceivedEventArgs Args, Task<IngestVerdict> Handling);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to MQTT broker {Host}:{Port} as {ClientId} (session present: {SessionPresent})")]
    private static partial void LogConnected(ILogger logger, string host, int port, string clientId, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Error, Message = "MQTT broker {Host}:{Port} refused the connection of user {User}: {Code} {Reason}")]
    private static partial void LogRefused(ILogger logger, string host, int port, string user, MqttClientConnectResultCode code, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot connect to MQTT broker {Host}:{Port}: {Error}")]
    private static partial void LogConnectFailed(ILogger logger, string host, int port, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disconnected from the MQTT broker ({Reason}: {Detail}); unacknowledged messages will be redelivered")]
    private static partial void LogDisconnected(ILogger logger, MqttClientDisconnectReason reason, string? detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting to the MQTT broker in {Seconds} s")]
    private static partial void LogReconnecting(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscription {Filter} not granted with QoS 1 ({Code}); check the server user's ACL")]
    private static partial void LogSubscriptionNotGranted(ILogger logger, string filter, MqttClientSubscribeResultCode code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message on {Topic} not stored; not acknowledged, reconnecting so that the broker redelivers")]
    private static partial void LogNotStored(ILogger logger, Exception ex, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Terminal {Terminal} cannot be disconnected through an external broker; its new secret applies once the passwd file is regenerated (mosquitto-config) and Mosquitto reloaded (SIGHUP)")]
    private static partial void LogCannotDisconnect(ILogger logger, string terminal);
}
