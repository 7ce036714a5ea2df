using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace OneStop.Feedback.Server.Live;

/// <summary>
/// In-process fan-out of committed ratings or alert changes. Publishing never blocks ingest: each subscriber
/// has its own bounded buffer that drops its oldest items when the subscriber falls behind (a live view may
/// skip; the database has everything). Drops are counted.
/// </summary>
public sealed class LiveFeed<T>
{
    private readonly Lock _gate = new();
    private Subscriber[] _subscribers = [];
    private long _dropped;

    private sealed record Subscriber(Channel<T> Channel, int Capacity);

    /// <summary>Items dropped because a subscriber was too slow.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Publish(T item)
    {
        foreach (var s in Volatile.Read(ref _subscribers))
        {
            if (s.Channel.Reader.Count >= s.Capacity)
            {
                Interlocked.Increment(ref _dropped);
            }
            s.Channel.Writer.TryWrite(item);
        }
    }

    /// <summary>Items published from now on, until the token is cancelled.</summary>
    public async IAsyncEnumerable<T> Subscribe(int capacity, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var subscriber = new Subscriber(
            Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true }),
            capacity);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscriber];
        }
        try
        {
            await foreach (var item in subscriber.Channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers = _subscribers.Where(s => s != subscriber).ToArray();
            }
        }
    }
}
