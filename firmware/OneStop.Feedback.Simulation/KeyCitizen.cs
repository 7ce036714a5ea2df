using System.Collections.Concurrent;

namespace OneStop.Feedback.Simulation;

/// <summary>A person at the keyboard: keys 1–5 queued by <see cref="Press"/> are pressed in order.</summary>
public sealed class KeyCitizen : ICitizen
{
    private readonly ConcurrentQueue<int> _keys = new();

    public void Press(int button) => _keys.Enqueue(button);

    public int NextPress(int state, int scale, long nowMs) => _keys.TryDequeue(out var button) ? button : 0;
}
