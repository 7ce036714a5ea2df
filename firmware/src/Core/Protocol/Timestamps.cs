namespace OneStop.Feedback.Firmware.Core.Protocol
{
    /// <summary>
    /// Which clock readings may be sent as "ts". An ESP32 boots at 1970 until SNTP answers, so a reading before
    /// 2024 means "not synchronised" and is sent as 0; the server then uses its receive time and flags it.
    /// </summary>
    public static class Timestamps
    {
        /// <summary>2024-01-01T00:00:00Z in unix ms.</summary>
        public const long SyncedFrom = 1704067200000;

        /// <summary>Largest value an outbox record can hold (48 bits, year 10889).</summary>
        public const long MaxStorable = 0xFFFFFFFFFFFF;

        public static bool IsSynced(long unixMs) => unixMs >= SyncedFrom && unixMs <= MaxStorable;

        /// <summary>The "ts" to send for a clock reading.</summary>
        public static long ForPayload(long unixMs) => IsSynced(unixMs) ? unixMs : 0;
    }
}
