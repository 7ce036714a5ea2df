namespace OneStop.Feedback.Firmware.Core.Connectivity
{
    /// <summary>Randomness for jitter, injected so tests are deterministic (the app wraps System.Random).</summary>
    public interface IRandomSource
    {
        /// <summary>A value in [0, maxExclusive).</summary>
        int NextBelow(int maxExclusive);
    }
}
