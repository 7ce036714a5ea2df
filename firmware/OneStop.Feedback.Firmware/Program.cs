using System;
using System.Device.Gpio;
using System.IO;
using System.Threading;
using nanoFramework.Networking;
using nanoFramework.Runtime.Native;
using OneStop.Feedback.Firmware.Core.Config;
using OneStop.Feedback.Firmware.Core.Connectivity;
using OneStop.Feedback.Firmware.Core.Outbox;
using OneStop.Feedback.Firmware.Core.Protocol;
using OneStop.Feedback.Firmware.Core.Session;

namespace OneStop.Feedback.Firmware
{
    /// <summary>
    /// The terminal's firmware: numbered steps that wire the hardware-free Core to the ESP32, then two loops that
    /// never return. The UI loop (this thread) owns the buttons and the rating session; the network thread owns
    /// Wi-Fi and MQTT. They share only the outbox and dispatcher (both lock) and a queue of server messages, so
    /// a slow reconnect never delays a press.
    /// </summary>
    public static class Program
    {
        public const string FirmwareVersion = "1.0.0";
        private const string Drive = "I:\\";
        private const int DispatchWindow = 4;
        private const long UiWatchdogMs = 30000;
        private const long NetworkWatchdogMs = 300000; // Wi-Fi (60 s) plus MQTT connect timeouts, several times over
        private const int StatusEveryMs = 300000;

        private static readonly DeviceClock Clock = new DeviceClock();
        private static readonly AutoResetEvent UiWake = new AutoResetEvent(false);
        private static readonly AutoResetEvent NetworkWake = new AutoResetEvent(false);
        private static Outbox _outbox;
        private static OutboxDispatcher _dispatcher;
        private static SoftwareWatchdog _uiWatchdog;
        private static SoftwareWatchdog _networkWatchdog;
        private static DeviceSecrets _secrets;
        private static MqttTransport _mqtt;
        private static SignalMeter _signal;
        private static BadgeReader _badgeReader;
        private static Timer _watchdogTimer; // a field, so the collector never reclaims the running timer

        public static void Main()
        {
            // 1. Storage: the internal LittleFS drive holds the provisioning file, the CA certificate, the outbox
            //    and the boot counter. Without provisioning there is nothing useful to do: say so and stop here.
            FlashFileStore store = new FlashFileStore(Drive);
            if (!File.Exists(DeviceSecrets.DefaultPath))
            {
                Halt("not provisioned: copy device.json to " + DeviceSecrets.DefaultPath + " (firmware/README.md)");
            }
            _secrets = DeviceSecrets.Parse(File.ReadAllBytes(DeviceSecrets.DefaultPath));

            // 2. Outbox: recover it, count this boot, and record the boot event before anything is sent.
            _outbox = new Outbox(store, Outbox.DefaultCapacity, Outbox.DefaultMaxFileBytes);
            _outbox.Open();
            _outbox.AppendEvent(MessageKind.Boot, Clock.UnixMs());
            _dispatcher = new OutboxDispatcher(_outbox, DispatchWindow);

            // 3. Outputs: button lamps, status LED, buzzer, the OLED if fitted; the rating session stores each
            //    rating in the outbox.
            GpioController gpio = new GpioController();
            TerminalPanel panel = new TerminalPanel(new Leds(gpio), new Buzzer(), _secrets.HasDisplay ? OpenDisplay() : null);
            RatingSession session = new RatingSession(panel, new OutboxRatingSink(_outbox, Clock), Clock);

            // 4. Buttons: native debounce wakes the loop, the Core's Debouncer decides. The badge reader, if
            //    fitted, polls on its own thread and stores each tap as a badge event.
            GpioButtons buttons = new GpioButtons(gpio, UiWake);
            if (_secrets.HasBadgeReader)
            {
                _badgeReader = new BadgeReader(gpio, _outbox, Clock, NetworkWake);
                _badgeReader.Start();
            }

            // 5. Software watchdogs: one per loop, checked by a timer that reboots after recording why.
            _uiWatchdog = new SoftwareWatchdog(UiWatchdogMs, DeviceClock.UptimeMs);
            _networkWatchdog = new SoftwareWatchdog(NetworkWatchdogMs, DeviceClock.UptimeMs);
            _watchdogTimer = new Timer(CheckWatchdogs, null, 5000, 5000);

            // 6. Network thread: Wi-Fi (SNTP through requiresDateTime), MQTT with TLS and last will, outbox pump.
            byte[] ca = _secrets.UseTls ? File.ReadAllBytes(_secrets.CaCertFile) : null;
            _mqtt = new MqttTransport(_secrets, ca, _dispatcher, NetworkWake);
            Thread network = new Thread(RunNetwork);
            network.Start();

            // 7. UI loop: presses, stuck buttons, timeouts, and config/window messages from the server.
            while (true)
            {
                long now = DeviceClock.UptimeMs;
                _uiWatchdog.Feed(now);
                int pressed = buttons.Poll(now);
                if (buttons.StuckButton != 0)
                {
                    _outbox.AppendButtonStuck(Clock.UnixMs(), buttons.StuckButton);
                    NetworkWake.Set();
                }
                if (pressed != 0)
                {
                    session.Press(pressed, now);
                    NetworkWake.Set(); // a stored rating should leave at once
                }
                session.Tick(now);
                ApplyServerMessages(session, now);
                UiWake.WaitOne(10, false);
            }
        }

        private static void RunNetwork()
        {
            WifiConnection wifi = new WifiConnection(_secrets.WifiSsid, _secrets.WifiPassword);
            // RSSI for the heartbeat: a scan after each status, so the next one reports a reading at most one
            // heartbeat old (older ones, or none yet, are sent as 0 = unknown).
            _signal = new SignalMeter(_secrets.WifiSsid, 2L * StatusEveryMs);
            WifiSignal signal = new WifiSignal(_signal);
            ReconnectPolicy reconnect = new ReconnectPolicy(Clock);
            Sntp.Start();
            long nextStatus = 0;
            while (true)
            {
                long now = DeviceClock.UptimeMs;
                _networkWatchdog.Feed(now);
                try
                {
                    if (!_mqtt.IsConnected && reconnect.ShouldTry(now))
                    {
                        bool up = (wifi.IsUp || wifi.Connect()) && _mqtt.Connect(Status(now));
                        if (up)
                        {
                            reconnect.Succeeded();
                            nextStatus = now + StatusEveryMs;
                            signal.RequestScan();
                        }
                        else
                        {
                            reconnect.Failed(DeviceClock.UptimeMs);
                        }
                    }
                    if (_mqtt.IsConnected)
                    {
                        _mqtt.Pump();
                        if (now >= nextStatus)
                        {
                            // The heartbeat: a fresh retained status (outbox depth, RSSI, free heap, uptime).
                            _mqtt.PublishStatus(Status(now));
                            nextStatus = now + StatusEveryMs;
                            signal.RequestScan();
                        }
                    }
                }
                catch (Exception ex)
                {
                    // Never let the network thread die: log, back off, try again.
                    Console.WriteLine("network: " + ex.Message);
                    reconnect.Failed(DeviceClock.UptimeMs);
                }
                NetworkWake.WaitOne(500, false);
            }
        }

        private static void ApplyServerMessages(RatingSession session, long now)
        {
            object[] message;
            while ((message = _mqtt.NextIncoming()) != null)
            {
                string topic = (string)message[0];
                byte[] payload = (byte[])message[1];
                if (topic == Topics.Config(_secrets.TerminalId))
                {
                    TerminalConfig config = ConfigParser.Parse(payload);
                    if (config != null)
                    {
                        session.ApplyConfig(config, now);
                    }
                }
                else if (topic == Topics.Window(_secrets.TerminalId))
                {
                    RatingWindow window = RatingWindow.Parse(payload);
                    if (window != null)
                    {
                        session.OpenWindow(window.Seconds, now);
                    }
                }
            }
        }

        private static OledDisplay OpenDisplay()
        {
            try
            {
                return new OledDisplay();
            }
            catch (Exception ex)
            {
                Console.WriteLine("display not started: " + ex.Message);
                return null;
            }
        }

        private static string Status(long now) =>
            StatusPayload.Online(_outbox.Boot, FirmwareVersion, _outbox.Count, _signal == null ? SignalMeter.Unknown : _signal.Current(now), nanoFramework.Runtime.Native.GC.Run(false), now / 1000);

        private static void CheckWatchdogs(object state)
        {
            long now = DeviceClock.UptimeMs;
            if (_uiWatchdog.Expired(now) || _networkWatchdog.Expired(now))
            {
                // Recorded first, so the server learns why the terminal restarted.
                _outbox.AppendEvent(MessageKind.Watchdog, Clock.UnixMs());
                Power.RebootDevice();
            }
        }

        private static void Halt(string reason)
        {
            while (true)
            {
                Console.WriteLine(reason);
                Thread.Sleep(10000);
            }
        }
    }
}
