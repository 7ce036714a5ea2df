using System.Diagnostics;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Evaluation.Evaluation;
using OneStop.Feedback.Server.Ingest;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.TimeSeries;

namespace OneStop.Feedback.Server.Attribution;

/// <summary>
/// Recomputes the attribution (officer, dossier, flags) and the daily aggregates of every counter-day marked
/// dirty. Attribution is a pure function of the stored data of a bounded time range, so recomputing is
/// idempotent: late shifts, service events or buffered ratings simply re-run their counter-days, in any order,
/// and end with the same result. A counter-day is picked up once it has been quiet for a moment, so a burst of
/// ratings is processed once rather than once per rating. With several replicas on PostgreSQL the pass holds an
/// advisory lock for its transaction, so two replicas never recompute (and replace) the same rows at once; the other
/// waits, then finds the work done. A pass that loses a deadlock or serialization race is simply run again.
/// The ingest has priority over a pass: a pass holds the write lock (SQLite) or rows the ingest also marks, so once
/// it has run for <see cref="Slice"/> while the ingest has something to commit, it commits what it has done and
/// waits for the ingest's next commit before going on. A backlog of attribution (a terminal that uploads a day of
/// buffered ratings, an import) then delays a PUBACK by about one slice, not by the whole backlog.
/// </summary>
public sealed partial class AttributionWorker(
    Database database, IOptions<AttributionOptions> options, TimeProvider time, ILogger<AttributionWorker> logger,
    TimeSeriesOutbox? timeSeries = null, IngestPipeline? ingest = null)
    : BackgroundService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a pass runs before it gives way to a waiting ingest.</summary>
    public static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest wait for the ingest's commit after giving way (a failing ingest must not stop attribution).</summary>
    private static readonly TimeSpan GiveWayAtMost = TimeSpan.FromMilliseconds(250);

    private Task? _givenWayTo;

    /// <summary><see cref="Slice"/>; tests shorten it.</summary>
    internal TimeSpan SliceLength { get; init; } = Slice;

    /// <summary>Passes that stopped early for the ingest since start.</summary>
    public long GaveWay { get; private set; }

    /// <summary>Counter-days recomputed since start.</summary>
    public long Recomputed { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int done;
            try
            {
                done = RunOnce(maxDays: 200);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
                done = 0;
            }
            if (_givenWayTo is { } ingestCommit)
            {
                _givenWayTo = null;
                await Task.WhenAny(ingestCommit, Task.Delay(GiveWayAtMost, time, stoppingToken)).ConfigureAwait(false);
            }
            else if (done == 0)
            {
                await Task.Delay(Idle, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Recomputes up to <paramref name="maxDays"/> quiet dirty counter-days; returns how many.</summary>
    public int RunOnce(int maxDays, bool waitForQuiet = true)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return RunPass(maxDays, waitForQuiet);
            }
            catch (Exception ex) when (attempt < 5 && database.Dialect.IsTransient(ex))
            {
                LogRetry(logger, ex.Message);
            }
        }
    }

    private int RunPass(int maxDays, bool waitForQuiet)
    {
        using var c = database.Open();
        // One transaction for the whole pass: a commit (and its fsync) per counter-day would dominate.
        using var tx = c.BeginTransaction();
        database.Dialect.LockForWork(c, tx, SqlDialect.Work.Attribution);
        var now = time.GetUtcNow();
        // Without waiting, everything dirty is taken: marked_at can be a few ms ahead of the clock (a mark in the
        // same millisecond as the previous one adds 1 so a concurrent pass sees the change), and a drain that
        // compared it with "now" left such a counter-day unattributed (a flaky test caught it).
        var quietBefore = waitForQuiet ? (now - Quiet).ToUnixTimeMilliseconds() : long.MaxValue;
        var pending = c.Query("SELECT counter_id, day, marked_at FROM attribution_dirty WHERE marked_at <= $before ORDER BY counter_id, day LIMIT $n",
            r => (Day: new CounterDay(r.GetString(0), DirtyCounterDays.ParseDay(r.GetString(1))), MarkedAt: r.GetInt64(2)),
            ("$before", quietBefore), ("$n", maxDays));
        var started = Stopwatch.GetTimestamp();
        var taken = 0;
        foreach (var (counterDay, markedAt) in pending)
        {
            var loaded = CounterDayLoader.Load(c, counterDay, options.Value, now);
            var attributed = CounterAttributor.Attribute(loaded.Input, options.Value);
            var aggregates = DailyAggregator.Build(counterDay.Day, attributed, loaded.DayEvents, loaded.Shifts, now);
            AttributionWriter.Replace(c, tx, counterDay, loaded, attributed, aggregates);
            // The counter-day's InfluxDB points, queued in the same transaction as the attribution they carry.
            timeSeries?.Enqueue(c, tx, counterDay, now.ToUnixTimeMilliseconds());
            using (var done = c.Command("DELETE FROM attribution_dirty WHERE counter_id = $c AND day = $d AND marked_at = $m",
                ("$c", counterDay.CounterId), ("$d", DirtyCounterDays.DayText(counterDay.Day)), ("$m", markedAt)))
            {
                done.Transaction = tx;
                done.ExecuteNonQuery();
            }
            Recomputed++;
            taken++;
            if (taken < pending.Count && ingest is { Busy: true } && Stopwatch.GetElapsedTime(started) >= SliceLength)
            {
                _givenWayTo = ingest.NextCommit; // taken before this commit: the ingest can only commit after it
                GaveWay++;
                break;
            }
        }
        // Monthly roll-ups once per (counter, month) touched in this pass, not once per day.
        foreach (var month in pending.Take(taken).Select(p => p.Day with { Day = new DateOnly(p.Day.Day.Year, p.Day.Day.Month, 1) }).Distinct())
        {
            AttributionWriter.RollUpMonth(c, tx, month);
        }
        tx.Commit();
        return taken;
    }

    /// <summary>Runs until nothing is dirty (tests, the demo seeding, the benchmark).</summary>
    public void Drain()
    {
        while (RunOnce(maxDays: 500, waitForQuiet: false) > 0)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Attribution pass lost a race with another replica ({Reason}); running it again")]
    private static partial void LogRetry(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Attribution pass failed; it is retried")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
