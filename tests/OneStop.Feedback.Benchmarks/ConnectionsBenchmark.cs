using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Terminals;

namespace OneStop.Feedback.Benchmarks;

/// <summary>
/// Many terminals connected at once to one server: every terminal keeps its connection alive (PINGREQ) and sends a
/// status message now and then, while a background load of ratings is ingested. Reports the server's resident
/// memory and CPU while all are connected. Run it through <c>connections.sh</c>, which raises the file-descriptor
/// limit of this process and of the server it starts (one socket per terminal on each side).
/// </summary>
public static class ConnectionsBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var count = options.Number("terminals", 20_000);
        var seconds = options.Number("seconds", 60);
        var rate = options.Number("rate", 200);
        var keepAlive = (ushort)options.Number("keepalive", 30);
        var statusEvery = options.Number("status-every", 60);
        var perSource = options.Number("per-source", 5_000);
        Console.WriteLine($"connections benchmark: {count:N0} terminals (keep-alive {keepAlive} s, status every {statusEvery} s), {rate} ratings/s for {seconds} s once all are connected");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}; open-file limit of this process: {OpenFileLimit()}");
        if (OpenFileLimit() is { } limit && limit < count + 1000)
        {
            Console.WriteLine($"the open-file limit ({limit}) is below {count + 1000}: run tests/OneStop.Feedback.Benchmarks/connections.sh, which raises it for this process and the server; " +
                $"where the hard limit cannot be raised, at most --terminals {limit - 1000} fit");
            return 2;
        }

        var data = Directory.CreateTempSubdirectory("osf-connbench-").FullName;
        try
        {
            var secrets = Provision(data, count);
            using var server = await ServerUnderTest.StartOnAsync(data);
            var idleRss = server.Process.RssMiB;
            Console.WriteLine($"server started: RSS {idleRss:N0} MiB with no terminal connected");
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 600)); // bounded whatever happens
            var terminals = new RawMqttTerminal?[count];
            var clock = Stopwatch.StartNew();
            var connected = 0;
            var failedConnects = 0;
            using var sampler = new ResourceSampler(server.Process);
            using (var progress = new Timer(_ => Console.Write($"\r  connecting: {Volatile.Read(ref connected):N0}/{count:N0}, {clock.Elapsed.TotalSeconds:0} s, server RSS {server.Process.RssMiB:N0} MiB   "), null, 1000, 1000))
            {
                using var gate = new SemaphoreSlim(200);
                await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
                {
                    await gate.WaitAsync(stop.Token);
                    try
                    {
                        var source = IPAddress.Parse($"127.0.0.{2 + i / perSource}");
                        terminals[i] = await RawMqttTerminal.ConnectAsync(source, server.MqttPort, secrets[i].Id, secrets[i].Secret, keepAlive, stop.Token);
                        Interlocked.Increment(ref connected);
                    }
                    catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or InvalidOperationException or TimeoutException)
                    {
                        if (Interlocked.Increment(ref failedConnects) <= 5)
                        {
                            Console.WriteLine($"\n  {secrets[i].Id}: {ex.Message}");
                        }
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }
            var connectTime = clock.Elapsed;
            Console.WriteLine($"\r{connected:N0} of {count:N0} connected in {connectTime.TotalSeconds:0.0} s ({connected / connectTime.TotalSeconds:N0}/s), {failedConnects} failed; server RSS {server.Process.RssMiB:N0} MiB");

            // Steady state: keep-alive, status messages, ratings from a rotating subset of terminals.
            var live = terminals.Where(t => t is not null).Select(t => t!).ToArray();
            var sent = 0L;
            var statuses = 0L;
            var pings = 0L;
            clock.Restart();
            sampler.Start();
            var end = TimeSpan.FromSeconds(seconds);
            using (var progress = new Timer(_ => Console.Write(
                $"\r  {clock.Elapsed.TotalSeconds:0}/{seconds} s: ratings sent {Interlocked.Read(ref sent):N0}, status {Interlocked.Read(ref statuses):N0}, pings {Interlocked.Read(ref pings):N0}, " +
                $"acks {live.Sum(t => (long)t.Acknowledged):N0}, server RSS {server.Process.RssMiB:N0} MiB, CPU {sampler.LastCpuPercent:0}%   "), null, 1000, 1000))
            {
                var timers = Task.WhenAll(
                    EveryAsync(TimeSpan.FromSeconds(keepAlive / 2.0), live.Length, end, clock, async t => { await live[t].PingAsync(stop.Token); Interlocked.Increment(ref pings); }),
                    EveryAsync(TimeSpan.FromSeconds(statusEvery), live.Length, end, clock, async t =>
                    {
                        await live[t].PublishAsync($"onestop/v1/t/{live[t].Id}/status", Status, stop.Token);
                        Interlocked.Increment(ref statuses);
                    }),
                    RatingsAsync(live, rate, end, clock, () => Interlocked.Increment(ref sent), stop.Token));
                await timers;
                // Let the last acknowledgements arrive.
                var expected = Interlocked.Read(ref sent) + Interlocked.Read(ref statuses);
                var wait = Stopwatch.StartNew();
                while (live.Sum(t => (long)t.Acknowledged) < expected && wait.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(200);
                }
            }
            sampler.Stop();
            var acks = live.Sum(t => (long)t.Acknowledged);
            var stillConnected = live.Count(t => !t.Closed);
            Console.WriteLine("\r" + new string(' ', 150));
            Console.WriteLine($"steady state {seconds} s with {stillConnected:N0} terminals connected at the end: {sent:N0} ratings + {statuses:N0} status messages sent, {acks:N0} acknowledged, {pings:N0} PINGREQ, {live.Sum(t => (long)t.Pongs):N0} PINGRESP");
            Console.WriteLine($"server RSS: peak {sampler.PeakRssMiB:N0} MiB, at the end {server.Process.RssMiB:N0} MiB (target ≤ 1,536 MiB); server CPU: mean {sampler.MeanCpuPercent:0}% of one core (peak {sampler.PeakCpuPercent:0}%)");
            var stored = server.StoredRatings();
            var perConnectionKiB = (sampler.PeakRssMiB - idleRss) * 1024 / Math.Max(1, stillConnected);
            Console.WriteLine($"≈ {perConnectionKiB:N0} KiB of server RSS per connected terminal (peak − idle), i.e. ≈ {idleRss + perConnectionKiB * 20_000 / 1024:N0} MiB for 20,000");
            Console.WriteLine($"ratings stored {stored:N0} of {sent:N0} sent; load average at the end {LoadAverage()}");
            foreach (var t in live)
            {
                await t.DisposeAsync();
            }
            return stillConnected == count && stored == sent && acks == sent + statuses ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static readonly byte[] Status = Encoding.UTF8.GetBytes("""{"state":"online","fw":"1.0.0","outbox":0,"rssi":-61,"heap":81234}""");

    /// <summary>Calls <paramref name="action"/> for every terminal once per <paramref name="period"/>, spread evenly over it.</summary>
    private static async Task EveryAsync(TimeSpan period, int count, TimeSpan end, Stopwatch clock, Func<int, Task> action)
    {
        var step = period / count;
        var next = clock.Elapsed + step;
        for (var i = 0; clock.Elapsed < end; i = (i + 1) % count)
        {
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            next += step;
            _ = action(i);
        }
    }

    private static async Task RatingsAsync(RawMqttTerminal[] live, int rate, TimeSpan end, Stopwatch clock, Func<long> sent, CancellationToken cancellationToken)
    {
        var step = TimeSpan.FromSeconds(1.0 / rate);
        var next = clock.Elapsed;
        var seq = new long[live.Length];
        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var i = 0; clock.Elapsed < end; i = (i + 7919) % live.Length)
        {
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }
            next += step;
            var t = live[i];
            _ = t.PublishAsync($"onestop/v1/t/{t.Id}/rating", Publishers.Payload(1, ++seq[i], ts, 1 + (int)(seq[i] % 5)), cancellationToken);
            sent();
        }
    }

    /// <summary>Terminals straight into a fresh database (the API would take minutes for 20,000), one counter each.</summary>
    public static (string Id, string Secret)[] Provision(string data, int count)
    {
        var clock = Stopwatch.StartNew();
        var database = new Database(Options.Create(new StorageOptions { DataDirectory = data }));
        var result = new (string, string)[count];
        using var c = database.Open();
        Migrations.Apply(c, database.Dialect);
        using var tx = c.BeginTransaction();
        c.Execute(tx, "INSERT INTO units (id, name, parent_id, valid_from) VALUES ('U', 'Tỉnh', NULL, 0)");
        using var counter = c.Command("INSERT INTO counters (id, unit_id, name) VALUES ($id, 'U', $id)", ("$id", ""));
        using var terminal = c.Command("INSERT INTO terminals (id, counter_id, name, secret_hash, created_at, secret_rotated_at) VALUES ($id, $c, $id, $h, 0, 0)",
            ("$id", ""), ("$c", ""), ("$h", ""));
        using var assignment = c.Command("INSERT INTO terminal_assignments (terminal_id, counter_id, from_at) VALUES ($id, $c, 0)", ("$id", ""), ("$c", ""));
        foreach (var command in new[] { counter, terminal, assignment })
        {
            command.Transaction = tx;
        }
        for (var i = 0; i < count; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"CN{i:00000}");
            var secret = SecretHash.NewSecret();
            counter.Parameters["$id"].Value = "Q" + id;
            counter.ExecuteNonQuery();
            terminal.Parameters["$id"].Value = id;
            terminal.Parameters["$c"].Value = "Q" + id;
            terminal.Parameters["$h"].Value = SecretHash.Hash(secret);
            terminal.ExecuteNonQuery();
            assignment.Parameters["$id"].Value = id;
            assignment.Parameters["$c"].Value = "Q" + id;
            assignment.ExecuteNonQuery();
            result[i] = (id, secret);
        }
        tx.Commit();
        Console.WriteLine($"provisioned {count:N0} terminals in {clock.Elapsed.TotalSeconds:0.0} s");
        return result;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static long? OpenFileLimit()
    {
        if (!File.Exists("/proc/self/limits"))
        {
            return null;
        }
        var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: >= 4 } && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var soft) ? soft : null;
    }

    /// <summary>Samples a child's RSS and CPU once a second.</summary>
    private sealed class ResourceSampler(ChildProcess process) : IDisposable
    {
        private readonly List<double> _cpu = [];
        private Timer? _timer;
        private TimeSpan _lastCpu;
        private long _lastAt;

        public double PeakRssMiB { get; private set; }

        public double LastCpuPercent { get; private set; }

        public double PeakCpuPercent => _cpu.Count == 0 ? 0 : _cpu.Max();

        public double MeanCpuPercent => _cpu.Count == 0 ? 0 : _cpu.Average();

        public void Start()
        {
            _lastCpu = process.CpuTime;
            _lastAt = Stopwatch.GetTimestamp();
            _timer = new Timer(_ => Sample(), null, 1000, 1000);
        }

        public void Stop()
        {
            _timer?.Dispose();
            Sample();
        }

        public void Dispose() => _timer?.Dispose();

        private void Sample()
        {
            lock (_cpu)
            {
                var cpu = process.CpuTime;
                var elapsed = Stopwatch.GetElapsedTime(_lastAt);
                LastCpuPercent = (cpu - _lastCpu).TotalMilliseconds / elapsed.TotalMilliseconds * 100;
                _cpu.Add(LastCpuPercent);
                _lastCpu = cpu;
                _lastAt = Stopwatch.GetTimestamp();
                PeakRssMiB = Math.Max(PeakRssMiB, process.RssMiB);
            }
        }
    }
}
