using System.Globalization;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.TimeSeries;

/// <summary>
/// Drains the time-series outbox into InfluxDB, oldest line first, in batches. A batch leaves the outbox only after
/// InfluxDB answered 2xx; while InfluxDB is down or slow the batch is retried with a growing pause (1 s doubling up to
/// InfluxDb:MaxRetrySeconds) and ingest is not affected. Retrying a batch that was in fact written is harmless: the
/// same lines write the same points. A batch InfluxDB refuses as malformed (400) is retried line by line, and only
/// the refused lines are set aside in <c>timeseries_rejected</c> (logged and counted), so one bad line cannot block
/// the rest.
/// </summary>
public sealed partial class TimeSeriesWorker(
    Database database, TimeSeriesOutbox outbox, InfluxHttp influx, IOptions<TimeSeriesOptions> options, TimeProvider time, ILogger<TimeSeriesWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private long _written;
    private DateTimeOffset? _lastWriteAt, _failingSince, _lastFailureLog;
    private string? _lastError;

    public TimeSeriesStatus Status()
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return new TimeSeriesStatus("none", "off", 0, o.OutboxCapacity, 0, 0, 0, null, null, null);
        }
        using var c = database.Open();
        var rejected = Convert.ToInt64(c.Scalar("SELECT count(*) FROM timeseries_rejected"), CultureInfo.InvariantCulture);
        lock (_gate)
        {
            return new TimeSeriesStatus("influxdb", _failingSince is null ? "ok" : "failing", TimeSeriesOutbox.Pending(c), o.OutboxCapacity,
                TimeSeriesOutbox.Deferred(c), rejected, _written, _lastWriteAt, _failingSince, _lastError);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var scheduled = outbox.ScheduleHistory(time.GetUtcNow().ToUnixTimeMilliseconds());
        if (scheduled > 0)
        {
            LogHistory(logger, scheduled);
        }
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            int written;
            try
            {
                written = await DrainOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Failed(ex.Message);
                written = -1;
            }
            if (written < 0)
            {
                await Pause(pause, stoppingToken);
                pause = TimeSpan.FromSeconds(Math.Min(pause.TotalSeconds * 2, options.Value.MaxRetrySeconds));
                continue;
            }
            pause = TimeSpan.FromSeconds(1);
            if (written == 0)
            {
                await Pause(Idle, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Queues deferred counter-days if there is room, then writes one batch. Returns the lines that left the outbox
    /// (0 = nothing to do), or −1 when InfluxDB failed and the batch stays.
    /// </summary>
    public async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        outbox.EnqueueDeferred(maxDays: 50, time.GetUtcNow().ToUnixTimeMilliseconds());
        List<(long Id, string Line)> batch;
        using (var c = database.Open())
        {
            batch = c.Query("SELECT id, line FROM timeseries_outbox ORDER BY id LIMIT $n", r => (r.GetInt64(0), r.GetString(1)), ("$n", options.Value.BatchSize));
        }
        if (batch.Count == 0)
        {
            return 0;
        }
        var (status, error) = await influx.WriteAsync(batch.Select(b => b.Line), cancellationToken);
        switch (status)
        {
            case InfluxHttp.WriteStatus.Written:
                Remove(batch[^1].Id, null, null);
                Succeeded(batch.Count);
                return batch.Count;
            case InfluxHttp.WriteStatus.Refused:
                return await OneByOneAsync(batch, cancellationToken);
            case InfluxHttp.WriteStatus.DatabaseNotFound when options.Value.CreateDatabase:
                await influx.CreateDatabaseAsync(cancellationToken);
                LogCreated(logger, options.Value.Database!);
                return 0;
            case InfluxHttp.WriteStatus.DatabaseNotFound:
                Failed(error + $" — create the database '{options.Value.Database}' (1.x: CREATE DATABASE, or set InfluxDb:CreateDatabase=true; 2.x: a DBRP mapping)");
                return -1;
            default:
                Failed(error!);
                return -1;
        }
    }

    private async Task<int> OneByOneAsync(List<(long Id, string Line)> batch, CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var (id, line) in batch)
        {
            var (status, error) = await influx.WriteAsync([line], cancellationToken);
            if (status is InfluxHttp.WriteStatus.Written or InfluxHttp.WriteStatus.Refused)
            {
                Remove(id, status == InfluxHttp.WriteStatus.Refused ? line : null, error);
                if (status == InfluxHttp.WriteStatus.Refused)
                {
                    LogRefused(logger, error!, line);
                }
                done++;
                continue;
            }
            Failed(error!);
            return done > 0 ? done : -1;
        }
        Succeeded(done);
        return done;
    }

    /// <summary>Deletes the outbox head up to <paramref name="lastId"/>; a refused line is kept aside first.</summary>
    private void Remove(long lastId, string? refusedLine, string? error)
    {
        using var c = database.Open();
        using var tx = c.BeginTransaction();
        if (refusedLine is not null)
        {
            c.Execute(tx, "INSERT INTO timeseries_rejected (line, error, rejected_at) VALUES ($l, $e, $now)",
                ("$l", refusedLine), ("$e", error), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()));
        }
        c.Execute(tx, "DELETE FROM timeseries_outbox WHERE id <= $id", ("$id", lastId));
        tx.Commit();
    }

    private void Succeeded(int lines)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? recovered;
        lock (_gate)
        {
            _written += lines;
            _lastWriteAt = now;
            recovered = _failingSince;
            _failingSince = null;
            _lastError = null;
            _lastFailureLog = null;
        }
        if (recovered is not null)
        {
            LogRecovered(logger, now - recovered.Value);
        }
    }

    private void Failed(string error)
    {
        var now = time.GetUtcNow();
        bool log;
        lock (_gate)
        {
            _failingSince ??= now;
            _lastError = error;
            log = _lastFailureLog is null || now - _lastFailureLog >= LogEvery;
            if (log)
            {
                _lastFailureLog = now;
            }
        }
        if (log)
        {
            using var c = database.Open();
            LogFailing(logger, error, TimeSeriesOutbox.Pending(c));
        }
    }

    private Task Pause(TimeSpan delay, CancellationToken cancellationToken) =>
        Task.Delay(delay, time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB write failed: {Error}. {Pending} line(s) wait in the outbox; retrying (ingest is not affected)")]
    private static partial void LogFailing(ILogger logger, string error, long pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB writes work again after {Downtime}; the outbox drains")]
    private static partial void LogRecovered(ILogger logger, TimeSpan downtime);

    [LoggerMessage(Level = LogLevel.Error, Message = "InfluxDB refused a line ({Error}); it is kept in timeseries_rejected: {Line}")]
    private static partial void LogRefused(ILogger logger, string error, string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the InfluxDB database {Database}")]
    private static partial void LogCreated(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB: {CounterDays} counter-day(s) of history scheduled for writing")]
    private static partial void LogHistory(ILogger logger, int counterDays);
}
