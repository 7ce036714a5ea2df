namespace OneStop.Feedback.Firmware.Core.Connectivity
{
    /// <summary>
    /// The Wi-Fi signal (RSSI, dBm) reported in the status heartbeat. nanoFramework 1.x exposes no RSSI of the
    /// connected access point (nanoframework/Home#1632), only the networks of a scan, so the app scans before each
    /// heartbeat and feeds every network of the report here. The strongest access point with the terminal's SSID
    /// wins (an office may have several). A reading older than <c>maxAgeMs</c>, or none yet, is reported as 0,
    /// which the protocol defines as "unknown". Thread-safe: scans complete on a runtime event thread.
    /// </summary>
    public sealed class SignalMeter
    {
        public const int Unknown = 0;

        private readonly object _lock = new object();
        private readonly string _ssid;
        private readonly long _maxAgeMs;
        private int _scanBest;
        private int _rssi;
        private long _readAt;
        private bool _hasReading;

        public SignalMeter(string ssid, long maxAgeMs)
        {
            _ssid = ssid;
            _maxAgeMs = maxAgeMs;
        }

        /// <summary>Starts collecting the networks of one scan report.</summary>
        public void BeginReport()
        {
            lock (_lock)
            {
                _scanBest = Unknown;
            }
        }

        /// <summary>One network of the report; ignored unless it is the terminal's SSID with a plausible RSSI.</summary>
        public void Observe(string reportedSsid, int rssi)
        {
            if (rssi >= 0 || rssi < -127 || !SameSsid(reportedSsid, _ssid))
            {
                return;
            }
            lock (_lock)
            {
                if (_scanBest == Unknown || rssi > _scanBest)
                {
                    _scanBest = rssi;
                }
            }
        }

        /// <summary>Ends the report: keeps its best reading, or the previous one if our SSID was not seen.</summary>
        public void EndReport(long nowMs)
        {
            lock (_lock)
            {
                if (_scanBest != Unknown)
                {
                    _rssi = _scanBest;
                    _readAt = nowMs;
                    _hasReading = true;
                }
            }
        }

        /// <summary>The latest reading in dBm, or <see cref="Unknown"/> (0) when there is none or it is stale.</summary>
        public int Current(long nowMs)
        {
            lock (_lock)
            {
                return _hasReading && nowMs - _readAt <= _maxAgeMs ? _rssi : Unknown;
            }
        }

        /// <summary>
        /// Compares an SSID from a scan report with the configured one. The ESP32 report carries the SSID in a
        /// fixed 33-byte field, so the decoded string may end in NUL characters; those are ignored.
        /// </summary>
        public static bool SameSsid(string reported, string configured)
        {
            if (reported == null || configured == null)
            {
                return false;
            }
            int length = reported.Length;
            while (length > 0 && reported[length - 1] == '\0')
            {
                length--;
            }
            if (length != configured.Length)
            {
                return false;
            }
            for (int i = 0; i < length; i++)
            {
                if (reported[i] != configured[i])
                {
                    return false;
                }
            }
            return true;
        }
    }
}
