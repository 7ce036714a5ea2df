using OneStop.Feedback.Firmware.Core.Connectivity;

namespace OneStop.Feedback.Simulation;

/// <summary>Jitter for the Core's reconnect back-off, from a seeded <see cref="Random"/>.</summary>
internal sealed class SystemRandom(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public int NextBelow(int maxExclusive) => _random.Next(maxExclusive);
}
