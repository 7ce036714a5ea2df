using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace OneStop.Feedback.Server.Ingest;

/// <summary>
/// The hand-over point between broker adapters (many concurrent publishers) and the single ingest writer.
/// Bounded, so that a stalled disk slows publishers down instead of growing memory without limit.
/// </summary>
public sealed class IngestPipeline
{
    private readonly Channel<IngestItem> _channel;

    public IngestPipeline(IOptions<IngestOptions> options)
    {
        _channel = Channel.CreateBounded<IngestItem>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    internal ChannelReader<IngestItem> Reader => _channel.Reader;

    private TaskCompletionSource _nextCommit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Items accepted but not yet committed.</summary>
    public int Pending => _channel.Reader.Count;

    /// <summary>Completes when the ingest writer next ends a transaction (committed or failed). Other writers of the
    /// store (the attribution worker) wait for it after giving way, so that the ingest gets the write lock between
    /// two of their transactions instead of waiting behind all of them.</summary>
    public Task NextCommit => Volatile.Read(ref _nextCommit).Task;

    private int _writing;

    /// <summary>Whether the ingest has something to commit: queued items, or a batch the writer holds (possibly
    /// waiting for the write lock).</summary>
    public bool Busy => Volatile.Read(ref _writing) != 0 || _channel.Reader.Count > 0;

    /// <summary>Called by the ingest writer when it takes a batch.</summary>
    internal void Writing() => Volatile.Write(ref _writing, 1);

    /// <summary>Called by the ingest writer after each transaction.</summary>
    internal void Committed()
    {
        Volatile.Write(ref _writing, 0);
        Interlocked.Exchange(ref _nextCommit, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Queues an item and waits until the transaction holding it has committed.</summary>
    public async Task<IngestOutcome> SubmitAsync(IngestItem item, CancellationToken cancellationToken)
    {
        await _channel.Writer.WriteAsync(item, cancellationToken);
        return await item.Completion.Task.WaitAsync(cancellationToken);
    }
}
