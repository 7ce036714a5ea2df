using System;
using OneStop.Feedback.Firmware.Core.Connectivity;
using OneStop.Feedback.Firmware.Core.Session;

namespace OneStop.Feedback.Firmware
{
    /// <summary>
    /// Wall clock from the RTC that SNTP sets (the Core sends ts = 0 until it is past 2024), and jitter for the
    /// reconnect back-off from the tick counter, which differs between boxes that lost power together.
    /// </summary>
    public sealed class DeviceClock : IWallClock, IRandomSource
    {
        private const long UnixEpochTicks = 621355968000000000;

        private readonly Random _random = new Random((int)(Environment.TickCount64 & 0x7FFFFFFF));

        /// <summary>Milliseconds since start: the session's and the watchdog's time, never set back by SNTP.</summary>
        public static long UptimeMs => Environment.TickCount64;

        public long UnixMs() => (DateTime.UtcNow.Ticks - UnixEpochTicks) / TimeSpan.TicksPerMillisecond;

        public int NextBelow(int maxExclusive) => _random.Next(maxExclusive);
    }
}
