using System.Diagnostics;
using System.Globalization;
using OneStop.Feedback.Simulation;

namespace OneStop.Feedback.Simulator;

/// <summary>
/// Runs the simulated terminals of one command line: provisions or takes credentials, starts the terminals,
/// schedules the outage, prints progress once a second and ends with the line <c>sent=&lt;n&gt; acked=&lt;n&gt;</c>.
/// Returns the process exit code: 0 when every requested rating was acknowledged (or on Ctrl+C without
/// <c>--ratings</c>), 1 on a timeout, 2 on a usage or provisioning error.
/// </summary>
public static class SimulatorRun
{
    /// <param name="keys">For <c>--keyboard</c>: where the keys come from instead of the console (tests).</param>
    public static async Task<int> RunAsync(SimulatorOptions options, HttpClient? api, TextWriter output, CancellationToken cancellationToken, TextReader? keys = null)
    {
        // A terminal whose connection died can hold a pool thread inside MQTTnet's Dispose for a while; with a few
        // dozen terminals on a loaded 2-core machine the default floor (one thread per core) starved the others.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        List<KeyValuePair<string, string>> credentials;
        try
        {
            credentials = options.Credentials.Count > 0
                ? [.. options.Credentials]
                : await Provisioning.ProvisionAsync(api ?? throw new ArgumentException("--server is needed to provision terminals"), options.Terminals, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or ArgumentException)
        {
            await output.WriteLineAsync("error: " + ex.Message);
            return 2;
        }
        var data = options.DataDirectory ?? DefaultDataDirectory(options);
        var person = options.Keyboard ? new KeyCitizen() : null;
        var terminals = credentials.Select((c, i) => new SimulatedTerminal(
            new SimulatedTerminalOptions
            {
                TerminalId = c.Key,
                Secret = c.Value,
                BrokerHost = options.BrokerHost ?? "127.0.0.1",
                BrokerPort = options.BrokerPort,
                ProtocolVersion = options.Protocol,
                DataDirectory = Path.Combine(data, c.Key),
                MaxRatings = options.Ratings,
                FastForward = person is null,
            },
            person ?? (ICitizen)new RandomCitizen(options.Rate, i + 1))).ToList();
        await output.WriteLineAsync($"{terminals.Count} terminal(s) → {options.BrokerHost}:{options.BrokerPort}, outbox in {data}");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runs = terminals.Select(t => t.RunAsync(stop.Token)).ToList();
        if (person is not null)
        {
            terminals[0].Panel.TextChanged += (_, text) => output.WriteLine("[display] " + text);
            KeyboardReader.Start(person, stop, keys);
        }
        var outcome = await WatchAsync(options, terminals, output, stop.Token);
        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(15), CancellationToken.None);
        }
        catch (TimeoutException)
        {
            outcome ??= "terminals did not stop within 15 s";
        }
        if (outcome is not null)
        {
            await output.WriteLineAsync("error: " + outcome);
        }
        await output.WriteLineAsync($"sent={terminals.Sum(t => t.Sent)} acked={terminals.Sum(t => t.Acked)}");
        return outcome is null ? 0 : 1;
    }

    /// <summary>
    /// A temp folder that stays the same for a broker across runs. A terminal id must keep its boot counter:
    /// a fresh outbox would start again at boot 1 and reuse (boot, seq) keys the server already holds.
    /// </summary>
    private static string DefaultDataDirectory(SimulatorOptions options) =>
        Path.Combine(Path.GetTempPath(), "onestop-sim", (options.BrokerHost ?? "127.0.0.1") + "_" + options.BrokerPort.ToString(CultureInfo.InvariantCulture));

    /// <summary>Null on success, else why the run failed.</summary>
    private static async Task<string?> WatchAsync(SimulatorOptions options, List<SimulatedTerminal> terminals, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var outageStarted = false;
        var deadline = options.EffectiveTimeout;
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (true)
        {
            try
            {
                await tick.WaitForNextTickAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            if (!outageStarted && options.OfflineAfterSeconds is { } after && clock.Elapsed.TotalSeconds >= after)
            {
                outageStarted = true;
                terminals.ForEach(t => t.GoOffline(TimeSpan.FromSeconds(options.OfflineForSeconds)));
                await output.WriteLineAsync($"offline for {options.OfflineForSeconds} s");
            }
            await output.WriteLineAsync(Progress(clock.Elapsed, terminals));
            if (options.Ratings >= 0 && terminals.TrueForAll(t => t.IsDone))
            {
                return null;
            }
            if (clock.Elapsed > deadline)
            {
                var errors = terminals.Select(t => t.LastError).FirstOrDefault(e => e is not null);
                return $"timed out after {deadline.TotalSeconds:0} s with {terminals.Sum(t => t.Pending)} message(s) unacknowledged" + (errors is null ? "" : "; last error: " + errors);
            }
        }
    }

    private static string Progress(TimeSpan elapsed, List<SimulatedTerminal> terminals) =>
        $"{elapsed.TotalSeconds,5:0}s online={terminals.Count(t => t.IsConnected)}/{terminals.Count} rated={terminals.Sum(t => t.Rated)} " +
        $"sent={terminals.Sum(t => t.Sent)} acked={terminals.Sum(t => t.Acked)} dropped={terminals.Sum(t => t.Dropped)} pending={terminals.Sum(t => t.Pending)}";
}
