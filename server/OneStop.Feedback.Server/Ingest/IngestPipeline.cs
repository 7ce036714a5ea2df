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

    /// <summary>Items accepted but not yet committed.</summary>
    public int Pending => _channel.Reader.Count;

    /// <summary>Queues an item and waits until the transaction holding it has committed.</summary>
    public async Task<IngestOutcome> SubmitAsync(IngestItem item, CancellationToken cancellationToken)
    {
        await _channel.Writer.WriteAsync(item, cancellationToken);
        return await item.Completion.Task.WaitAsync(cancellationToken);
    }
}
