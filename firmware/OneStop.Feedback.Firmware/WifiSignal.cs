using System;
using System.Device.Wifi;
using OneStop.Feedback.Firmware.Core.Connectivity;

namespace OneStop.Feedback.Firmware
{
    /// <summary>
    /// Measures the Wi-Fi signal for the status heartbeat. nanoFramework 1.x has no RSSI of the connected access
    /// point, so this starts a scan (<c>WifiAdapter.ScanAsync</c>) before each heartbeat; the report arrives on the
    /// <c>AvailableNetworksChanged</c> event and goes into the Core's <see cref="SignalMeter"/>. A scan while
    /// connected pauses traffic for a second or two on the ESP32, hence only once per heartbeat (5 min).
    /// </summary>
    public sealed class WifiSignal
    {
        private readonly SignalMeter _meter;
        private WifiAdapter _adapter;

        public WifiSignal(SignalMeter meter) => _meter = meter;

        /// <summary>Requests a scan; the reading updates when its report arrives. Never throws.</summary>
        public void RequestScan()
        {
            try
            {
                if (_adapter == null)
                {
                    WifiAdapter[] adapters = WifiAdapter.FindAllAdapters();
                    if (adapters.Length == 0)
                    {
                        return;
                    }
                    _adapter = adapters[0];
                    _adapter.AvailableNetworksChanged += OnReport;
                }
                _adapter.ScanAsync();
            }
            catch (Exception ex)
            {
                // Busy (connecting) or not started: the heartbeat reports the last reading, or 0 once it is stale.
                Console.WriteLine("wifi scan: " + ex.Message);
            }
        }

        private void OnReport(WifiAdapter sender, object e)
        {
            WifiAvailableNetwork[] networks = sender.NetworkReport.AvailableNetworks;
            _meter.BeginReport();
            for (int i = 0; i < networks.Length; i++)
            {
                _meter.Observe(networks[i].Ssid, (int)networks[i].NetworkRssiInDecibelMilliwatts);
            }
            _meter.EndReport(DeviceClock.UptimeMs);
        }
    }
}
