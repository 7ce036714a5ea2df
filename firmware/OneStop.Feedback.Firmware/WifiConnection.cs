using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace OneStop.Feedback.Firmware
{
    /// <summary>
    /// Wi-Fi through nanoFramework's WifiNetworkHelper: DHCP the first time, Reconnect afterwards (as the
    /// official samples do), each bounded by a one-minute token. <c>requiresDateTime</c> waits for SNTP, so
    /// TLS certificate dates and rating timestamps are valid once this returns true.
    /// </summary>
    public sealed class WifiConnection
    {
        private const int TimeoutMs = 60000;

        private readonly string _ssid;
        private readonly string _password;
        private bool _configured;

        public WifiConnection(string ssid, string password)
        {
            _ssid = ssid;
            _password = password;
        }

        public bool IsUp => WifiNetworkHelper.Status == NetworkHelperStatus.NetworkIsReady;

        /// <summary>Blocks up to a minute; call from the network thread only.</summary>
        public bool Connect()
        {
            using (CancellationTokenSource timeout = new CancellationTokenSource(TimeoutMs))
            {
                if (!_configured)
                {
                    _configured = WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, requiresDateTime: true, token: timeout.Token);
                    return _configured;
                }
                return WifiNetworkHelper.Reconnect(requiresDateTime: true, token: timeout.Token);
            }
        }
    }
}
