using Microsoft.Extensions.Options;
using OneStop.Feedback.Evaluation.Alerts;
using OneStop.Feedback.Server.Live;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Alerts;

/// <summary>
/// Raises an alert once when a unit's recent ratings turn bad (default: ≥ 50 % in the lowest two levels within
/// 15 minutes, at least 4 ratings) and clears it when the window recovers. It watches ratings as they are
/// committed; after a restart it replays the last window from the database so that an open alert is neither
/// lost nor raised twice. Each change is stored, pushed to live subscribers and, if configured, to a webhook.
/// Ratings buffered by an offline terminal that arrive long after the fact do not raise live alerts.
/// </summary>
public sealed partial class AlertWorker(
    LiveFeed<LiveRating> ratings,
    LiveFeed<AlertView> alerts,
    AlertStore store,
    Database database,
    IHttpClientFactory http,
    IOptions<AlertsOptions> options,
    TimeProvider time,
    ILogger<AlertWorker> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _latest = new(StringComparer.Ordinal);
    private AlertMonitor _monitor = new(options.Value.Default, options.Value.Units);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var feed = ratings.Subscribe(100_000, stoppingToken); // subscribe before replaying: nothing falls in between
        Replay();
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(15), time);
        var advancing = Task.Run(async () =>
        {
            while (await tick.WaitForNextTickAsync(stoppingToken))
            {
                List<AlertTransition> changes;
                lock (_gate)
                {
                    changes = [.. _monitor.Advance(time.GetUtcNow())];
                }
                foreach (var change in changes)
                {
                    await PublishAsync(change, stoppingToken);
                }
            }
        }, stoppingToken);
        try
        {
            await foreach (var rating in feed.WithCancellation(stoppingToken))
            {
                if (Observe(rating) is { } change)
                {
                    await PublishAsync(change, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await advancing.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private AlertTransition? Observe(LiveRating rating)
    {
        var window = TimeSpan.FromMinutes(options.Value.WindowMinutes);
        if (rating.OccurredAt <= time.GetUtcNow() - window || store.UnitOf(rating.Terminal, rating.OccurredAt) is not { } unit)
        {
            return null;
        }
        lock (_gate)
        {
            // The monitor wants each unit's ratings in time order; a press that arrives a little out of order
            // (in-flight from two terminals) counts at the latest time seen, still inside the window.
            var at = _latest.TryGetValue(unit, out var latest) && latest > rating.OccurredAt ? latest : rating.OccurredAt;
            _latest[unit] = at;
            return _monitor.Observe(unit, at, rating.Scale, rating.Score);
        }
    }

    private void Replay()
    {
        var now = time.GetUtcNow();
        var from = now - TimeSpan.FromMinutes(Math.Max(options.Value.WindowMinutes, options.Value.Units.Values.Select(u => u.WindowMinutes).DefaultIfEmpty(0).Max()));
        using var c = database.Open();
        var recent = c.Query("""
            SELECT terminal_id, boot, seq, scale, score, occurred_at, received_at, clock_synced FROM ratings
            WHERE occurred_at > $from ORDER BY occurred_at, id
            """, r => new LiveRating(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt32(3), r.GetInt32(4), r.Time(5), r.Time(6), r.GetInt64(7) == 1),
            ("$from", from.ToUnixTimeMilliseconds()));
        lock (_gate)
        {
            _monitor = new AlertMonitor(options.Value.Default, options.Value.Units);
            _latest.Clear();
        }
        foreach (var rating in recent)
        {
            Observe(rating);
        }
        List<AlertTransition> cleared;
        lock (_gate)
        {
            var active = _monitor.ActiveUnits.ToHashSet(StringComparer.Ordinal);
            cleared = store.OpenUnits().Where(u => !active.Contains(u)).Select(u => new AlertTransition(u, AlertChange.Cleared, now, 0, 0)).ToList();
            foreach (var unit in active)
            {
                store.Apply(new AlertTransition(unit, AlertChange.Raised, now, 0, 0)); // no-op when already open
            }
        }
        foreach (var change in cleared)
        {
            store.Apply(change);
        }
    }

    private async Task PublishAsync(AlertTransition change, CancellationToken cancellationToken)
    {
        if (store.Apply(change) is not { } alert)
        {
            return;
        }
        LogChange(logger, alert.UnitId, change.Change == AlertChange.Raised ? "raised" : "cleared", change.Ratings, change.Low);
        alerts.Publish(alert);
        if (options.Value.WebhookUrl is { } url)
        {
            try
            {
                using var client = http.CreateClient("alerts");
                client.Timeout = TimeSpan.FromSeconds(5);
                using var response = await client.PostAsJsonAsync(url, alert, cancellationToken);
                response.EnsureSuccessStatusCode();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                LogWebhookFailed(logger, url, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Change} for unit {Unit}: {Low} of {Ratings} recent ratings are low")]
    private static partial void LogChange(ILogger logger, string unit, string change, int ratings, int low);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert webhook {Url} failed: {Error}")]
    private static partial void LogWebhookFailed(ILogger logger, Uri url, string error);
}
