using OneStop.Feedback.Evaluation.Attribution;

namespace OneStop.Feedback.Evaluation.Alerts;

/// <summary>
/// Watches a time-ordered stream of ratings per unit and raises an alert once when too many recent ratings are low,
/// then clears it once the window recovers, so a bad quarter hour produces one notification, not one per press.
/// State is in memory; after a restart, replay the last window of ratings to rebuild it.
/// </summary>
public sealed class AlertMonitor
{
    private readonly AlertOptions _defaults;
    private readonly IReadOnlyDictionary<string, AlertOptions> _perUnit;
    private readonly Dictionary<string, UnitWindow> _windows = new(StringComparer.Ordinal);

    public AlertMonitor(AlertOptions defaults, IReadOnlyDictionary<string, AlertOptions>? perUnit = null)
    {
        _defaults = defaults;
        _perUnit = perUnit ?? new Dictionary<string, AlertOptions>(StringComparer.Ordinal);
    }

    /// <summary>Units whose alert is raised now, ordered by id.</summary>
    public IReadOnlyList<string> ActiveUnits =>
        _windows.Where(w => w.Value.Active).Select(w => w.Key).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Observes a not-excluded rating; excluded ones (too-soon, duplicates...) cannot raise alerts.</summary>
    public AlertTransition? Observe(string unitId, AttributedRating rating) =>
        rating.Excluded ? null : Observe(unitId, rating.At, rating.Rating.Scale, rating.Rating.Score);

    /// <summary>
    /// Adds a rating of the unit at `at` and returns the transition it causes, if any. Ratings of one unit must come
    /// in time order (equal instants allowed); an older one is refused rather than silently bending the window.
    /// </summary>
    public AlertTransition? Observe(string unitId, DateTimeOffset at, int scale, int score)
    {
        var options = OptionsOf(unitId);
        if (!_windows.TryGetValue(unitId, out var window))
        {
            window = new UnitWindow();
            _windows.Add(unitId, window);
        }
        if (window.Latest is { } latest && at < latest)
        {
            throw new ArgumentException($"Rating at {at:O} for unit {unitId} is older than the last one ({latest:O}).", nameof(at));
        }
        window.Latest = at;
        window.Ratings.Enqueue((at, options.IsLow(scale, score)));
        window.Low += options.IsLow(scale, score) ? 1 : 0;
        return Evaluate(unitId, window, options, at);
    }

    /// <summary>Lets time pass without ratings: windows that emptied or recovered by <paramref name="now"/> clear.</summary>
    public IReadOnlyList<AlertTransition> Advance(DateTimeOffset now)
    {
        var transitions = new List<AlertTransition>();
        foreach (var (unitId, window) in _windows.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            if (Evaluate(unitId, window, OptionsOf(unitId), now) is { } transition)
            {
                transitions.Add(transition);
            }
        }
        return transitions;
    }

    private AlertOptions OptionsOf(string unitId) => _perUnit.GetValueOrDefault(unitId) ?? _defaults;

    private static AlertTransition? Evaluate(string unitId, UnitWindow window, AlertOptions options, DateTimeOffset now)
    {
        // The window is (now − length, now]: a rating exactly one window old has left it.
        while (window.Ratings.TryPeek(out var oldest) && oldest.At <= now - options.Window)
        {
            window.Ratings.Dequeue();
            window.Low -= oldest.Low ? 1 : 0;
        }
        var count = window.Ratings.Count;
        var alarming = count >= options.MinRatings && window.Low >= options.LowShare * count;
        if (alarming == window.Active)
        {
            return null;
        }
        window.Active = alarming;
        return new AlertTransition(unitId, alarming ? AlertChange.Raised : AlertChange.Cleared, now, count, window.Low);
    }

    private sealed class UnitWindow
    {
        public Queue<(DateTimeOffset At, bool Low)> Ratings { get; } = new();

        public int Low { get; set; }

        public bool Active { get; set; }

        public DateTimeOffset? Latest { get; set; }
    }
}
