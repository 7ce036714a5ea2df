using OneStop.Feedback.Firmware.Core.Session;

namespace OneStop.Feedback.Simulation;

/// <summary>
/// Citizens arriving at random (a Poisson process at <c>ratesPerSecond</c>), mostly satisfied, who answer any
/// follow-up question at once. A rate of 0 means nobody comes.
/// </summary>
public sealed class RandomCitizen(double ratesPerSecond, int seed) : ICitizen
{
    private readonly Random _random = new(seed);
    private long _nextArrivalMs = -1;

    public int NextPress(int state, int scale, long nowMs)
    {
        if (state is SessionState.Criteria or SessionState.FollowUp)
        {
            return 1 + _random.Next(5);
        }
        if (state != SessionState.Question || ratesPerSecond <= 0)
        {
            return 0;
        }
        if (_nextArrivalMs < 0)
        {
            _nextArrivalMs = nowMs + NextGapMs();
        }
        if (nowMs < _nextArrivalMs)
        {
            return 0;
        }
        _nextArrivalMs = nowMs + NextGapMs();
        return Score(scale);
    }

    private long NextGapMs() => (long)(-Math.Log(1 - _random.NextDouble()) * 1000 / ratesPerSecond);

    // Roughly what offices report: most citizens are satisfied, a few are not.
    private int Score(int scale)
    {
        var roll = _random.NextDouble();
        var fromTop = roll < 0.55 ? 0 : roll < 0.82 ? 1 : roll < 0.92 ? 2 : roll < 0.97 ? 3 : 4;
        return Math.Max(1, scale - fromTop);
    }
}
