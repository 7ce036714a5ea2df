using System.Collections.Concurrent;
using System.Diagnostics;
using OneStop.Feedback.Simulation;

namespace OneStop.Feedback.Faults.Tests.Support;

/// <summary>
/// Simulated terminals (the firmware Core with a file outbox each) publishing to one broker, and the set of
/// (terminal, boot, seq) each saw acknowledged. Disposing it is a power cut of every terminal.
/// </summary>
internal sealed class Fleet : IAsyncDisposable
{
    private readonly ConcurrentDictionary<RatingKey, byte> _acked = new();
    private readonly CancellationTokenSource _power = new();
    private readonly List<Task> _runs;

    private Fleet(List<SimulatedTerminal> terminals)
    {
        // Twenty terminal loops, their MQTTnet clients and synchronous outbox writes share the thread pool; on a
        // loaded two-core machine its slow growth left terminals unable to reconnect for minutes.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        Terminals = terminals;
        foreach (var terminal in terminals)
        {
            terminal.RatingAcknowledged += (t, boot, seq) => _acked.TryAdd(new RatingKey(t.Id, boot, seq), 0);
        }
        _runs = terminals.Select(t => t.RunAsync(_power.Token)).ToList();
    }

    public IReadOnlyList<SimulatedTerminal> Terminals { get; }

    /// <summary>Distinct ratings published at least once.</summary>
    public int Sent => Terminals.Sum(t => t.Sent);

    public int Acked => _acked.Count;

    public int Rated => Terminals.Sum(t => t.Rated);

    /// <summary>Ratings the terminals could not take because their outbox was full (must stay 0 in these tests).</summary>
    public int Refused => Terminals.Sum(t => t.Refused);

    /// <summary>Ratings the server refused with an MQTT 5 reason code (must stay 0: everything the simulator sends is valid).</summary>
    public int Dropped => Terminals.Sum(t => t.Dropped);

    public int Pending => Terminals.Sum(t => t.Pending);

    public bool AllDone => Terminals.All(t => t.IsDone);

    /// <summary>
    /// Starts one terminal per credential, each rating <paramref name="ratingsEach"/> times at <paramref name="ratePerSecond"/>,
    /// with a short reconnect back-off so that a restarted broker is found again within about a second.
    /// </summary>
    public static Fleet Start(IEnumerable<(string Id, string Secret)> credentials, int brokerPort, string outboxRoot, int ratingsEach, double ratePerSecond) =>
        new(credentials.Select((c, i) => new SimulatedTerminal(Options(c.Id, c.Secret, brokerPort, outboxRoot, ratingsEach), new RandomCitizen(ratePerSecond, i + 1))).ToList());

    public static SimulatedTerminalOptions Options(string id, string secret, int brokerPort, string outboxRoot, int ratingsEach) => new()
    {
        TerminalId = id,
        Secret = secret,
        BrokerPort = brokerPort,
        DataDirectory = Path.Combine(outboxRoot, id),
        MaxRatings = ratingsEach,
        ReconnectInitialMs = 200,
        ReconnectMaxMs = 1000,
    };

    public HashSet<RatingKey> AckedSnapshot() => [.. _acked.Keys];

    public Task WaitAckedAsync(int count, TimeSpan timeout) =>
        UntilAsync(() => Acked >= count, timeout, $"{count} acknowledged ratings");

    public Task WaitDoneAsync(TimeSpan timeout) =>
        UntilAsync(() => AllDone, timeout, "every terminal to have all its ratings acknowledged");

    private async Task UntilAsync(Func<bool> done, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (_runs.FirstOrDefault(r => r.IsFaulted) is { } crashed)
            {
                // A terminal's loop that throws stops that terminal for good: report it rather than wait.
                throw new InvalidOperationException($"A terminal's loop crashed while waiting for {what}. {this}", crashed.Exception!.InnerException);
            }
            if (Refused > 0)
            {
                // A full outbox refuses new ratings (never overwrites): those are never sent, the run cannot complete.
                throw new InvalidOperationException($"{Refused} rating(s) refused by full terminal outboxes (the server fell behind the offered load) while waiting for {what}. {this}");
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}. {this}\n"
                    + string.Join('\n', Terminals.Where(t => !t.IsDone).Take(5).Select(t => $"{t} connects={t.Connects} last error: {t.LastError}")));
            }
            await Task.Delay(50);
        }
    }

    public override string ToString() => $"rated={Rated} sent={Sent} acked={Acked} pending={Pending} refused={Refused} dropped={Dropped}";

    public async ValueTask DisposeAsync()
    {
        await _power.CancelAsync();
        try
        {
            await Task.WhenAll(_runs).WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            // A terminal stuck in MQTTnet is abandoned; the test's own assertions already ran.
        }
        _power.Dispose();
    }
}

/// <summary>The idempotency key of a rating: the server stores each at most once.</summary>
internal readonly record struct RatingKey(string Terminal, long Boot, long Seq);
