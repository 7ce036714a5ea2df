namespace OneStop.Feedback.Firmware.Core.Connectivity
{
    /// <summary>
    /// Exponential backoff with jitter for Wi-Fi/MQTT reconnects: 1 s, 2 s, 4 s … capped at 60 s, each delay
    /// reduced by up to half at random, so the terminals of an office do not all hit the broker in the same
    /// second after a power or network outage.
    /// </summary>
    public sealed class ReconnectPolicy
    {
        public const long DefaultInitialMs = 1000;
        public const long DefaultMaxMs = 60000;

        private readonly long _initialMs;
        private readonly long _maxMs;
        private readonly IRandomSource _random;
        private long _nextBaseMs;
        private long _retryAt;

        public ReconnectPolicy(IRandomSource random)
            : this(random, DefaultInitialMs, DefaultMaxMs)
        {
        }

        public ReconnectPolicy(IRandomSource random, long initialMs, long maxMs)
        {
            _random = random;
            _initialMs = initialMs;
            _maxMs = maxMs;
            _nextBaseMs = initialMs;
        }

        /// <summary>Failed attempts since the last success.</summary>
        public int Failures { get; private set; }

        /// <summary>Whether an attempt may be made now.</summary>
        public bool ShouldTry(long nowMs) => nowMs >= _retryAt;

        /// <summary>Records a failed attempt; returns the delay before the next one.</summary>
        public long Failed(long nowMs)
        {
            long baseMs = _nextBaseMs;
            _nextBaseMs = baseMs * 2 > _maxMs ? _maxMs : baseMs * 2;
            int half = (int)(baseMs / 2);
            long delay = baseMs - (half > 0 ? _random.NextBelow(half + 1) : 0);
            Failures++;
            _retryAt = nowMs + delay;
            return delay;
        }

        public void Succeeded()
        {
            Failures = 0;
            _nextBaseMs = _initialMs;
            _retryAt = 0;
        }
    }
}
