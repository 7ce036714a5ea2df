using Microsoft.Extensions.Options;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Server.Live;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Ingest;

/// <summary>
/// The single writer of terminal data. It takes whatever has queued up (up to MaxBatchSize), commits it in
/// one transaction, and only then completes the submitters, so the broker answers PUBACK after the commit.
/// Batches form by themselves: while one commit runs, the next messages queue up behind it, so a quiet
/// office gets one-row commits with no added delay and a busy one gets large batches.
/// When a commit fails (disk full, I/O error) every item of the batch fails: nothing is acknowledged, the
/// terminals keep the ratings and send them again, and the worker retries with a fresh connection.
/// </summary>
public sealed partial class IngestWriterWorker(
    IngestPipeline queue, Database database, IOptions<IngestOptions> options, IOptions<AttributionOptions> attribution, LiveFeed<LiveRating> live, TimeProvider time, ILogger<IngestWriterWorker> logger)
    : BackgroundService
{
    private readonly int _maxBatch = options.Value.MaxBatchSize;

    /// <summary>Last commit failure, or null when the last commit succeeded (shown by /healthz).</summary>
    public string? LastError { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<IngestItem>(_maxBatch);
        IngestBatchWriter? writer = null;
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                queue.Writing();
                while (batch.Count < _maxBatch && queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }
                try
                {
                    writer ??= new IngestBatchWriter(database, attribution.Value, time);
                    var outcomes = writer.Commit(batch);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Completion.TrySetResult(outcomes[i]);
                        if (outcomes[i].Kind == IngestOutcomeKind.Stored && batch[i] is RatingItem { Rating: var r } item)
                        {
                            var received = DateTimeOffset.FromUnixTimeMilliseconds(item.ReceivedAtMs);
                            live.Publish(new LiveRating(item.TerminalId!, r.Boot, r.Seq, r.Scale, r.Score,
                                r.ClockSynced ? DateTimeOffset.FromUnixTimeMilliseconds(r.Timestamp) : received, received, r.ClockSynced));
                        }
                    }
                    if (LastError is not null)
                    {
                        LogRecovered(logger);
                        LastError = null;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LastError = ex.Message;
                    LogCommitFailed(logger, ex, batch.Count);
                    foreach (var item in batch)
                    {
                        item.Completion.TrySetException(ex);
                    }
                    writer?.Dispose();
                    writer = null;
                    // Do not spin on a full disk: the failed publishers retry on their own schedule.
                    await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
                }
                batch.Clear();
                queue.Committed();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever is still queued was never committed, so it must not be acknowledged.
            foreach (var item in batch)
            {
                item.Completion.TrySetCanceled(stoppingToken);
            }
            while (queue.Reader.TryRead(out var item))
            {
                item.Completion.TrySetCanceled(stoppingToken);
            }
        }
        finally
        {
            writer?.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest commit of {Count} item(s) failed; nothing of it is acknowledged")]
    private static partial void LogCommitFailed(ILogger logger, Exception ex, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest commits succeed again")]
    private static partial void LogRecovered(ILogger logger);
}
