using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using OneStop.Feedback.Firmware.Core.Config;
using OneStop.Feedback.Firmware.Core.Connectivity;
using OneStop.Feedback.Firmware.Core.Host;
using OneStop.Feedback.Firmware.Core.Outbox;
using OneStop.Feedback.Firmware.Core.Protocol;
using OneStop.Feedback.Firmware.Core.Session;

namespace OneStop.Feedback.Simulation;

/// <summary>
/// One button box on a PC. It runs the firmware's own Core: the rating session stores each rating in a flash
/// outbox (a folder here) before anything is sent, the dispatcher keeps a small window of messages awaiting
/// PUBACK, and a record leaves the outbox only on PUBACK, so a killed and restarted terminal resends the same
/// (boot, seq) with the same bytes. MQTTnet replaces M2Mqtt: QoS 1, a retained "offline" last will, a retained
/// JSON status after each connect, the terminal's config and window topics applied through the Core, and the
/// Core's jittered back-off between connection attempts. The loop runs on one task; PUBACKs complete on
/// MQTTnet's threads, which the Core's outbox and dispatcher allow (they lock).
/// </summary>
public sealed class SimulatedTerminal
{
    private const int LoopMs = 10;
    private const int MaxPressesPerTick = 8;

    private readonly SimulatedTerminalOptions _options;
    private readonly ICitizen _citizen;
    private readonly Outbox _outbox;
    private readonly OutboxDispatcher _dispatcher;
    private readonly RatingSession _session;
    private readonly CountingSink _sink;
    private readonly ReconnectPolicy _reconnect;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<MqttApplicationMessage> _inbox = new();
    private readonly Lock _sentSync = new();
    private IMqttClient? _client;
    private long _offlineUntilMs = -1;
    private long _skewMs;
    private uint _sentBoot;
    private uint _sentSeq;
    private int _sent;
    private int _acked;
    private int _dropped;
    private int _connects;

    /// <summary>Opens (or recovers) the outbox in <see cref="SimulatedTerminalOptions.DataDirectory"/> and records a boot event, as the firmware does at start.</summary>
    public SimulatedTerminal(SimulatedTerminalOptions options, ICitizen citizen, SimulatedPanel? panel = null)
    {
        _options = options;
        _citizen = citizen;
        Panel = panel ?? new SimulatedPanel();
        Directory.CreateDirectory(options.DataDirectory);
        var wallClock = new SystemClock();
        _outbox = new Outbox(new DirectoryFileStore(options.DataDirectory), options.OutboxCapacity, options.OutboxMaxBytes);
        _outbox.Open();
        _outbox.AppendEvent(MessageKind.Boot, wallClock.UnixMs());
        _dispatcher = new OutboxDispatcher(_outbox, options.Window);
        _sink = new CountingSink(new OutboxRatingSink(_outbox, wallClock));
        _session = new RatingSession(Panel, _sink, wallClock);
        _reconnect = new ReconnectPolicy(new SystemRandom(options.TerminalId.GetHashCode(StringComparison.Ordinal)), options.ReconnectInitialMs, options.ReconnectMaxMs);
    }

    public string Id => _options.TerminalId;

    public uint Boot => _outbox.Boot;

    public SimulatedPanel Panel { get; }

    /// <summary>Ratings taken and stored in the outbox since this start.</summary>
    public int Rated => _sink.Stored;

    /// <summary>Ratings refused because the outbox was full.</summary>
    public int Refused => _sink.Refused;

    /// <summary>Distinct ratings published at least once since this start (resends not counted again).</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Ratings removed from the outbox by a successful PUBACK.</summary>
    public int Acked => Volatile.Read(ref _acked);

    /// <summary>Ratings removed by an MQTT 5 PUBACK "payload format invalid" or "not authorized" (recorded by the server as rejections).</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    /// <summary>Messages (ratings and events) still waiting in the outbox.</summary>
    public int Pending => _outbox.Count;

    public int Connects => Volatile.Read(ref _connects);

    public bool IsConnected => _client?.IsConnected == true;

    /// <summary>The scale the session uses now (changes when a config arrives).</summary>
    public int Scale => _session.Config.Scale;

    public string? LastError { get; private set; }

    /// <summary>All ratings asked for were taken and nothing is left in the outbox.</summary>
    public bool IsDone => _options.MaxRatings >= 0 && Rated >= _options.MaxRatings && Pending == 0;

    /// <summary>Drops the broker connection (as a network loss would) and stays away for <paramref name="duration"/>.</summary>
    public void GoOffline(TimeSpan duration) =>
        Volatile.Write(ref _offlineUntilMs, _clock.ElapsedMilliseconds + (long)duration.TotalMilliseconds);

    /// <summary>Runs until cancelled. Cancelling is a power cut: whatever is unacknowledged stays in the outbox.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var now = _clock.ElapsedMilliseconds;
                await KeepConnectedAsync(now, cancellationToken);
                ApplyInbox(now);
                LetCitizenPress(now);
                Dispatch();
                await Task.Delay(LoopMs, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            Drop();
        }
    }

    private async Task KeepConnectedAsync(long now, CancellationToken cancellationToken)
    {
        if (now < Volatile.Read(ref _offlineUntilMs))
        {
            if (_client is not null)
            {
                Drop();
            }
            return;
        }
        if (_client?.IsConnected == true || !_reconnect.ShouldTry(now))
        {
            return;
        }
        Drop();
        var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            _inbox.Enqueue(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += _ =>
        {
            // Unacknowledged messages go out again, oldest first, after the next connect.
            _dispatcher.ConnectionLost();
            return Task.CompletedTask;
        };
        _client = client;
        try
        {
            await ConnectAsync(client, cancellationToken);
            _reconnect.Succeeded();
            Interlocked.Increment(ref _connects);
            LastError = null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LastError = ex.Message;
            Drop();
            _reconnect.Failed(_clock.ElapsedMilliseconds);
        }
    }

    private async Task ConnectAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var factory = new MqttClientFactory();
        var status = Topics.Status(Id);
        var options = factory.CreateClientOptionsBuilder()
            .WithTcpServer(_options.BrokerHost, _options.BrokerPort)
            .WithClientId(Id)
            .WithCredentials(Id, _options.Secret)
            .WithProtocolVersion(_options.ProtocolVersion)
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
            .WithTopicFilter(Topics.Config(Id), MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(Topics.Window(Id), MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);
        // No meaningful free-heap or RSSI on a PC: reported as 0.
        var online = StatusPayload.Online(Boot, _options.FirmwareVersion, _outbox.Count, 0, 0, _clock.ElapsedMilliseconds / 1000);
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(status).WithPayload(online)
            .WithRetainFlag().WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
    }

    private void Drop()
    {
        var client = _client;
        _client = null;
        if (client is null)
        {
            return;
        }
        // Dispose without DISCONNECT: the broker sees a lost connection and publishes the last will.
        client.Dispose();
        _dispatcher.ConnectionLost();
    }

    private void ApplyInbox(long now)
    {
        while (_inbox.TryDequeue(out var message))
        {
            var payload = message.Payload.ToArray();
            if (message.Topic == Topics.Config(Id))
            {
                // An invalid config is ignored as a whole; the terminal keeps the previous one.
                var config = ConfigParser.Parse(payload);
                if (config is not null)
                {
                    _session.ApplyConfig(config, SessionNow(now));
                }
            }
            else if (message.Topic == Topics.Window(Id) && RatingWindow.Parse(payload) is { } window)
            {
                _session.OpenWindow(window.Seconds, SessionNow(now));
            }
        }
    }

    private void LetCitizenPress(long now)
    {
        _session.Tick(SessionNow(now));
        for (var i = 0; i < MaxPressesPerTick; i++)
        {
            var waitingForScore = _session.State is SessionState.Idle or SessionState.Question;
            if (waitingForScore && _options.MaxRatings >= 0 && Rated + Refused >= _options.MaxRatings)
            {
                return;
            }
            var button = _citizen.NextPress(_session.State, _session.Config.Scale, now);
            if (button == 0)
            {
                return;
            }
            _session.Press(button, SessionNow(now));
            if (_session.State == SessionState.Thanks && _options.FastForward)
            {
                _skewMs += Math.Max(RatingSession.ThanksMs, _session.Config.MinIntervalSeconds * 1000L) + 1;
                _session.Tick(SessionNow(now));
            }
        }
    }

    private long SessionNow(long now) => now + _skewMs;

    private void Dispatch()
    {
        var client = _client;
        if (client?.IsConnected != true)
        {
            return;
        }
        TerminalMessage message;
        while ((message = _dispatcher.Next()) is not null)
        {
            _ = PublishAsync(client, message);
        }
    }

    private async Task PublishAsync(IMqttClient client, TerminalMessage message)
    {
        CountFirstSend(message);
        var publish = new MqttApplicationMessageBuilder()
            .WithTopic(PayloadEncoder.TopicFor(message, Id))
            .WithPayload(PayloadEncoder.Encode(message))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            var result = await client.PublishAsync(publish, CancellationToken.None);
            if ((int)result.ReasonCode < 0x80)
            {
                Settle(message, ref _acked);
            }
            else if (result.ReasonCode is MqttClientPublishReasonCode.PayloadFormatInvalid or MqttClientPublishReasonCode.NotAuthorized)
            {
                // The server recorded it as a rejection; resending the same bytes cannot succeed.
                Settle(message, ref _dropped);
                LastError = "server rejected " + message.Boot + "/" + message.Seq + ": " + result.ReasonCode;
            }
            else
            {
                _dispatcher.Failed(message.Boot, message.Seq);
            }
        }
        catch (Exception ex)
        {
            // No PUBACK (connection lost, timeout): the record stays and goes out again after reconnecting.
            LastError = ex.Message;
            _dispatcher.Failed(message.Boot, message.Seq);
        }
    }

    private void Settle(TerminalMessage message, ref int counter)
    {
        // False when an earlier copy of this message was already acknowledged (a QoS 1 resend).
        if (_dispatcher.Acknowledged(message.Boot, message.Seq) && message.IsRating)
        {
            Interlocked.Increment(ref counter);
        }
    }

    private void CountFirstSend(TerminalMessage message)
    {
        lock (_sentSync)
        {
            // The outbox sends oldest first and (boot, seq) only grows, so a key above the mark is a first send.
            var first = message.Boot > _sentBoot || (message.Boot == _sentBoot && message.Seq > _sentSeq);
            if (!first)
            {
                return;
            }
            _sentBoot = message.Boot;
            _sentSeq = message.Seq;
        }
        if (message.IsRating)
        {
            Interlocked.Increment(ref _sent);
        }
    }

    /// <summary>One line of counters, for logs and progress output.</summary>
    public override string ToString() =>
        $"{Id} boot={Boot} rated={Rated} sent={Sent} acked={Acked} dropped={Dropped} pending={Pending} {(IsConnected ? "online" : "offline")} mqtt={(_options.ProtocolVersion == MqttProtocolVersion.V500 ? "5" : "3.1.1")}";
}
