using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using OneStop.Feedback.Firmware.Core.Outbox;
using OneStop.Feedback.Firmware.Core.Protocol;
using OneStop.Feedback.Firmware.Core.Text;

namespace OneStop.Feedback.Firmware
{
    /// <summary>
    /// The outbox's way to the broker over nanoFramework.M2Mqtt (MQTT 3.1.1, QoS 1). It connects with the last
    /// will "offline" (retained) on the status topic, publishes a retained JSON status, subscribes to the
    /// terminal's config and window topics, and publishes what the Core's dispatcher hands out. A record is
    /// acknowledged to the outbox only in MqttMsgPublished with IsPublished (the PUBACK); a lost connection
    /// makes the dispatcher start again from the oldest unacknowledged record. Incoming config/window messages
    /// are queued for the UI loop, which owns the rating session. One instance is reused across reconnects
    /// (Close, then Connect), as the M2Mqtt maintainers' leak tests do.
    /// </summary>
    public sealed class MqttTransport
    {
        private const ushort KeepAliveSeconds = 30;

        /// <summary>M2Mqtt allows int.MaxValue messages in flight; the dispatcher never needs more than its window.</summary>
        private const int InflightCap = 8;

        private readonly DeviceSecrets _secrets;
        private readonly OutboxDispatcher _dispatcher;
        private readonly MqttClient _client;
        private readonly object _sync = new object();
        private readonly ushort[] _ids = new ushort[InflightCap];
        private readonly uint[] _boots = new uint[InflightCap];
        private readonly uint[] _seqs = new uint[InflightCap];
        private readonly ArrayList _incoming = new ArrayList();
        private readonly AutoResetEvent _wake;

        public MqttTransport(DeviceSecrets secrets, byte[] caCertificate, OutboxDispatcher dispatcher, AutoResetEvent wake)
        {
            _secrets = secrets;
            _dispatcher = dispatcher;
            _wake = wake;
            X509Certificate ca = caCertificate == null ? null : new X509Certificate(caCertificate);
            _client = new MqttClient(secrets.BrokerHost, secrets.BrokerPort, secrets.UseTls, ca, null,
                secrets.UseTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            _client.Settings.InflightQueueSize = InflightCap;
            _client.MqttMsgPublished += OnPublished;
            _client.MqttMsgPublishReceived += OnReceived;
            _client.ConnectionClosed += OnClosed;
        }

        public bool IsConnected => _client.IsConnected;

        /// <summary>Connects, subscribes and publishes the online status; false when the broker refused or was unreachable.</summary>
        public bool Connect(string statusJson)
        {
            string id = _secrets.TerminalId;
            try
            {
                _client.Close();
            }
            catch (Exception)
            {
                // Closing a connection that never opened: nothing to clean up.
            }
            _dispatcher.ConnectionLost();
            MqttReasonCode code = _client.Connect(id, id, _secrets.Secret, true, MqttQoSLevel.AtLeastOnce, true,
                Topics.Status(id), StatusPayload.Offline, true, KeepAliveSeconds);
            if (code != MqttReasonCode.Success)
            {
                return false;
            }
            _client.Subscribe(new string[] { Topics.Config(id), Topics.Window(id) },
                new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce, MqttQoSLevel.AtLeastOnce });
            PublishStatus(statusJson);
            return true;
        }

        /// <summary>The retained JSON status (after each connect, and as the periodic heartbeat).</summary>
        public void PublishStatus(string statusJson) =>
            _client.Publish(Topics.Status(_secrets.TerminalId), Utf8.Encode(statusJson), null, null, MqttQoSLevel.AtLeastOnce, true);

        /// <summary>Publishes whatever the dispatcher's window allows; PUBACKs arrive later in <see cref="OnPublished"/>.</summary>
        public void Pump()
        {
            TerminalMessage message;
            while (_client.IsConnected && (message = _dispatcher.Next()) != null)
            {
                lock (_sync)
                {
                    // Recorded under the lock that OnPublished takes, so a fast PUBACK finds its record.
                    ushort id = _client.Publish(PayloadEncoder.TopicFor(message, _secrets.TerminalId), PayloadEncoder.Encode(message),
                        null, null, MqttQoSLevel.AtLeastOnce, false);
                    Remember(id, message.Boot, message.Seq);
                }
            }
        }

        /// <summary>The oldest queued (topic, payload) from the server, or null; the UI loop applies it.</summary>
        public object[] NextIncoming()
        {
            lock (_incoming)
            {
                if (_incoming.Count == 0)
                {
                    return null;
                }
                object[] item = (object[])_incoming[0];
                _incoming.RemoveAt(0);
                return item;
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            uint boot;
            uint seq;
            lock (_sync)
            {
                if (!Forget(e.MessageId, out boot, out seq))
                {
                    return; // the status message, or a record from before a reconnect
                }
            }
            if (e.IsPublished)
            {
                _dispatcher.Acknowledged(boot, seq);
            }
            else
            {
                // M2Mqtt gave up after its retries: keep the record, send it again later.
                _dispatcher.Failed(boot, seq);
            }
            _wake.Set();
        }

        private void OnReceived(object sender, MqttMsgPublishEventArgs e)
        {
            lock (_incoming)
            {
                // Bounded: a config storm must not exhaust the heap.
                if (_incoming.Count < 4)
                {
                    _incoming.Add(new object[] { e.Topic, e.Message });
                }
            }
        }

        private void OnClosed(object sender, EventArgs e)
        {
            // Only signal: reconnecting happens on the network thread, never inside an M2Mqtt event.
            _dispatcher.ConnectionLost();
            lock (_sync)
            {
                for (int i = 0; i < _ids.Length; i++)
                {
                    _ids[i] = 0;
                }
            }
            _wake.Set();
        }

        private void Remember(ushort id, uint boot, uint seq)
        {
            for (int i = 0; i < _ids.Length; i++)
            {
                if (_ids[i] == 0)
                {
                    _ids[i] = id;
                    _boots[i] = boot;
                    _seqs[i] = seq;
                    return;
                }
            }
        }

        private bool Forget(ushort id, out uint boot, out uint seq)
        {
            for (int i = 0; i < _ids.Length; i++)
            {
                if (_ids[i] == id && id != 0)
                {
                    _ids[i] = 0;
                    boot = _boots[i];
                    seq = _seqs[i];
                    return true;
                }
            }
            boot = 0;
            seq = 0;
            return false;
        }
    }
}
