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
    private readonly FirstSendTracker _firstSends = new();
    private IMqttClient _client;
    private long _offlineUntilMs = -1;
    private long _skewMs;
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
        _client = CreateClient();
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

    public bool IsConnected => _client.IsConnected;

    /// <summary>The scale the session uses now (changes when a config arrives).</summary>
    public int Scale => _session.Config.Scale;

    public string? LastError { get; private set; }

    /// <summary>
    /// Raised on MQTTnet's thread for each rating the broker acknowledged (first PUBACK only) with its (boot, seq):
    /// fault tests collect these to check that everything acknowledged before a crash is stored.
    /// </summary>
    public event Action<SimulatedTerminal, uint, uint>? RatingAcknowledged;

    /// <summary>All ratings asked for were taken and nothing is left in the outbox.</summary>
    public bool IsDone => _options.MaxRatings >= 0 && Rated >= _options.MaxRatings && Pending == 0;

    /// <summary>Drops the broker connection (as a network loss would) and stays away for <paramref name="duration"/>.</summary>
    public void GoOffline(TimeSpan duration) =>
        Volatile.Write(ref _offlineUntilMs, _clock.ElapsedMilliseconds + (long)duration.TotalMilliseconds);

    /// <summary>Runs until cancelled. Cancelling is a power cut: whatever is unacknowledged stays in the outbox.</summary>
    /// <remarks>
    /// The loop runs on the thread pool, away from the caller's synchronization context: a test framework's
    /// context has a couple of threads, and twenty terminal loops plus MQTTnet callbacks queued on it stalled.
    /// </remarks>
    public Task RunAsync(CancellationToken cancellationToken) => Task.Run(() => LoopAsync(cancellationToken), CancellationToken.None);

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var now = _clock.ElapsedMilliseconds;
                await KeepConnectedWithWatchdogAsync(now, cancellationToken);
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
            await DropAsync();
            // Never awaited by the loop: MQTTnet's Dispose can block on a connection that died under it.
            _ = Task.Run(_client.Dispose, CancellationToken.None);
        }
    }

    private static readonly TimeSpan ConnectDeadline = TimeSpan.FromSeconds(20);

    private IMqttClient CreateClient()
    {
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
        return client;
    }

    /// <summary>
    /// Connects if needed, but never lets a stuck MQTTnet call stop the terminal: MQTTnet 5.2 has been seen to
    /// leave a reconnect of a client whose broker went away hanging despite its cancellation token. Past the
    /// deadline the attempt is abandoned with its client (disposed in the background) and a fresh client takes over.
    /// </summary>
    private async Task KeepConnectedWithWatchdogAsync(long now, CancellationToken cancellationToken)
    {
        // On a pool thread: MQTTnet's ConnectAsync/DisconnectAsync can block synchronously on a dying connection,
        // and called inline that froze the loop before the watchdog below was even set up.
        var attempt = Task.Run(() => KeepConnectedAsync(now, cancellationToken), CancellationToken.None);
        if (await Task.WhenAny(attempt, Task.Delay(ConnectDeadline + TimeSpan.FromSeconds(5), cancellationToken)) == attempt)
        {
            await attempt;
            return;
        }
        cancellationToken.ThrowIfCancellationRequested();
        LastError = "connect attempt hung; starting over with a new MQTT client";
        var stuck = _client;
        _client = CreateClient();
        _dispatcher.ConnectionLost();
        _reconnect.Failed(_clock.ElapsedMilliseconds);
        _ = attempt.ContinueWith(_ => stuck.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private async Task KeepConnectedAsync(long now, CancellationToken cancellationToken)
    {
        if (now < Volatile.Read(ref _offlineUntilMs))
        {
            if (_client.IsConnected)
            {
                await DropAsync();
            }
            return;
        }
        if (_client.IsConnected || !_reconnect.ShouldTry(now))
        {
            return;
        }
        // The whole connect sequence (CONNECT, SUBSCRIBE, retained status) gets a deadline: a broker that dies
        // right after its CONNACK leaves the SUBACK or PUBACK unanswered, and without a deadline the terminal's
        // loop would wait for it forever (seen once in the Mosquitto outage test: 19 of 20 came back).
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(ConnectDeadline);
        try
        {
            // The same client instance reconnects (as the firmware reuses its M2Mqtt client): disposing clients
            // whose connection died blocked thread-pool threads in MQTTnet and starved twenty terminals.
            var uptimeSeconds = _clock.ElapsedMilliseconds / 1000;
            await TerminalConnection.ConnectAsync(_client, _options, StatusPayload.Online(Boot, _options.FirmwareVersion, _outbox.Count, 0, 0, uptimeSeconds), attempt.Token);
            _reconnect.Succeeded();
            Interlocked.Increment(ref _connects);
            LastError = null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LastError = ex.Message;
            _reconnect.Failed(_clock.ElapsedMilliseconds);
            if (_client.IsConnected)
            {
                await DropAsync(); // half done: start the next attempt from a clean state
            }
        }
    }

    /// <summary>Leaves the broker; with MQTT 5 the broker is asked to publish the last will, as after a network loss.</summary>
    private async Task DropAsync()
    {
        _dispatcher.ConnectionLost();
        try
        {
            var reason = _options.ProtocolVersion == MqttProtocolVersion.V500
                ? MqttClientDisconnectOptionsReason.DisconnectWithWillMessage
                : MqttClientDisconnectOptionsReason.NormalDisconnection;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(reason).Build(), timeout.Token);
        }
        catch (Exception ex)
        {
            LastError = ex.Message; // already gone: nothing to close
        }
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

    /// <summary>
    /// Hands the dispatcher's window to MQTTnet, rechecking the connection before each message (as the firmware's
    /// MqttTransport.Pump does) and never more than a window per tick. A publish on a connection that dropped
    /// after the check throws at once, and its catch gives the message straight back to the dispatcher: the
    /// loop used to take it again forever, spinning on one thread and never returning to reconnect or to the
    /// citizen (a full-size kill run stalled with a terminal stuck at 1,422 of its 5,000 ratings).
    /// </summary>
    private void Dispatch()
    {
        for (var i = 0; i < Math.Max(1, _options.Window) && _client.IsConnected; i++)
        {
            if (_dispatcher.Next() is not { } message)
            {
                return;
            }
            _ = PublishAsync(_client, message);
        }
    }

    private async Task PublishAsync(IMqttClient client, TerminalMessage message)
    {
        if (_firstSends.IsFirst(message) && message.IsRating)
        {
            Interlocked.Increment(ref _sent);
        }
        var publish = new MqttApplicationMessageBuilder()
            .WithTopic(PayloadEncoder.TopicFor(message, Id))
            .WithPayload(PayloadEncoder.Encode(message))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            // A PUBACK that never comes (connection died unnoticed) must not hold the window forever.
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var result = await client.PublishAsync(publish, deadline.Token);
            if ((int)result.ReasonCode < 0x80)
            {
                if (Settle(message, ref _acked))
                {
                    RatingAcknowledged?.Invoke(this, message.Boot, message.Seq);
                }
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

    /// <summary>True when this settled a rating for the first time.</summary>
    private bool Settle(TerminalMessage message, ref int counter)
    {
        // False when an earlier copy of this message was already acknowledged (a QoS 1 resend).
        if (_dispatcher.Acknowledged(message.Boot, message.Seq) && message.IsRating)
        {
            Interlocked.Increment(ref counter);
            return true;
        }
        return false;
    }

    /// <summary>One line of counters, for logs and progress output.</summary>
    public override string ToString() =>
        $"{Id} boot={Boot} rated={Rated} sent={Sent} acked={Acked} dropped={Dropped} pending={Pending} {(IsConnected ? "online" : "offline")} mqtt={(_options.ProtocolVersion == MqttProtocolVersion.V500 ? "5" : "3.1.1")}";
}
