namespace OneStop.Feedback.Firmware.Core.Session
{
    /// <summary>
    /// Software debounce and stuck detection for one button, fed with raw samples. A press counts once the level
    /// has been stable for the debounce time (on the way down, so the citizen hears the click at once); a button
    /// held longer than the stuck limit (a jammed key, or someone leaning on it) then reports <see cref="Stuck"/>
    /// once, and no further press until it has been released.
    /// </summary>
    public sealed class Debouncer
    {
        public const int None = 0;
        public const int Pressed = 1;
        public const int Stuck = 2;

        private readonly long _debounceMs;
        private readonly long _stuckMs;
        private bool _raw;
        private long _rawSince;
        private bool _stable;
        private bool _stuckReported;

        public Debouncer(long debounceMs, long stuckMs)
        {
            _debounceMs = debounceMs;
            _stuckMs = stuckMs;
        }

        public bool IsStuck => _stuckReported;

        /// <summary>Feeds one sample; returns <see cref="None"/>, <see cref="Pressed"/> or <see cref="Stuck"/>.</summary>
        public int Sample(bool pressed, long nowMs)
        {
            if (pressed != _raw)
            {
                _raw = pressed;
                _rawSince = nowMs;
            }
            if (_raw != _stable && nowMs - _rawSince >= _debounceMs)
            {
                _stable = _raw;
                if (!_stable)
                {
                    _stuckReported = false;
                    return None;
                }
                return Pressed;
            }
            if (_stable && !_stuckReported && nowMs - _rawSince >= _stuckMs)
            {
                _stuckReported = true;
                return Stuck;
            }
            return None;
        }
    }
}
