namespace OneStop.Feedback.Firmware.Core.Connectivity
{
    /// <summary>
    /// nanoFramework has no managed hardware watchdog, so the main loop feeds this one and a timer thread checks
    /// it; when it expires the app records a watchdog event and reboots.
    /// </summary>
    public sealed class SoftwareWatchdog
    {
        private readonly long _timeoutMs;
        private long _lastFed;

        public SoftwareWatchdog(long timeoutMs, long nowMs)
        {
            _timeoutMs = timeoutMs;
            _lastFed = nowMs;
        }

        public void Feed(long nowMs) => _lastFed = nowMs;

        public bool Expired(long nowMs) => nowMs - _lastFed > _timeoutMs;
    }
}
