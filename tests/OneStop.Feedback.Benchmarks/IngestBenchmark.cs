using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;

namespace OneStop.Feedback.Benchmarks;

/// <summary>
/// Ingest throughput: the same QoS 1 ratings from the same simulated terminals, (a) through a bare MQTTnet
/// broker to a subscriber that does nothing, and (b) through the server's full durable ingest (authenticated
/// broker, validation, de-duplication, group commit to SQLite before each PUBACK). Prints both rates and (b)/(a).
/// </summary>
public static class IngestBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var terminals = options.Number("terminals", 50);
        var perTerminal = options.Number("ratings", 2000);
        var window = options.Number("window", 32);
        var warmUp = options.Number("warmup", Math.Max(1, perTerminal / 5));
        var total = terminals * perTerminal;
        Console.WriteLine($"ingest benchmark: {terminals} terminals × {perTerminal} ratings (QoS 1, ≤ {window} in flight per terminal) = {total:N0} messages");
        Console.WriteLine($"each side first gets an untimed warm-up of {warmUp} ratings per terminal (JIT tiering, pools), like a server that has been running");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

        var only = options.Text("only");
        var synchronous = options.Text("synchronous") ?? "full";
        var baseline = options.Text("baseline-server");
        var rounds = options.Number("rounds", 1);
        var ok = true;
        // On a shared, noisy machine the rounds alternate (a), (b0), (b), so that each sees the same background load
        // on average; the best time of each over the rounds is compared at the end.
        var best = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        for (var round = 1; round <= rounds; round++)
        {
            if (rounds > 1)
            {
                Console.WriteLine($"round {round} of {rounds} (load average {ConnectionsBenchmark.LoadAverage()})");
            }
            var (raw, rawCpu) = only == "durable" ? (TimeSpan.Zero, TimeSpan.Zero) : await RawAsync(terminals, perTerminal, window, warmUp);
            Console.WriteLine($"(a) bare broker pub→sub:       {total / raw.TotalSeconds,10:N0} msg/s  ({raw.TotalSeconds:0.00} s, broker CPU {rawCpu.TotalSeconds:0.0} s = {rawCpu.TotalMilliseconds * 1000 / total:0} µs per message)");
            Keep("(a)", raw);
            if (baseline is not null)
            {
                // Another build of the server (e.g. before a change), measured in the same run against the same (a).
                ok &= await DurableAsync("(b0) baseline durable ingest", baseline, raw);
            }
            ok &= await DurableAsync("(b) durable ingest", null, raw);
        }
        if (rounds > 1)
        {
            var a = best["(a)"];
            Console.WriteLine($"best of {rounds} rounds: " + string.Join(", ", best.Select(kv => $"{kv.Key} {total / kv.Value.TotalSeconds:N0}/s")));
            foreach (var (key, time) in best.Where(kv => kv.Key != "(a)"))
            {
                Console.WriteLine($"ratio of the best times {key}/(a) = {a.TotalSeconds / time.TotalSeconds:0.00}");
            }
        }
        return ok ? 0 : 1;

        void Keep(string key, TimeSpan time) => best[key] = best.TryGetValue(key, out var t) && t < time ? t : time;

        async Task<bool> DurableAsync(string label, string? serverDll, TimeSpan raw)
        {
            var (full, latencies, stored, cpu) = await FullAsync(terminals, perTerminal, window, warmUp, synchronous, serverDll);
            var key = label[..(label.IndexOf(')', StringComparison.Ordinal) + 1)];
            Console.WriteLine($"{label} (PUBACK after commit, synchronous={synchronous}{(serverDll is null ? "" : ", " + serverDll)}): {total / full.TotalSeconds,10:N0} ratings/s  ({full.TotalSeconds:0.00} s, server CPU {cpu.TotalSeconds:0.0} s = {cpu.TotalMilliseconds * 1000 / total:0} µs per rating)");
            Console.WriteLine($"    PUBACK latency under this load: {Stats.Describe(latencies)}");
            Console.WriteLine($"    stored {stored:N0} of {total + terminals * warmUp:N0} (timed + warm-up)");
            Console.WriteLine($"    ratio {key}/(a) = {raw.TotalSeconds / full.TotalSeconds:0.00}");
            Keep(key, full);
            return stored == total + terminals * warmUp;
        }
    }

    private static async Task<(TimeSpan Elapsed, TimeSpan BrokerCpu)> RawAsync(int terminals, int perTerminal, int window, int warmUp)
    {
        var port = ChildProcess.FreePort();
        using var broker = ChildProcess.StartDotnet(RepoLocator.SelfDll, "raw-broker", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await broker.WaitForPortAsync(port, TimeSpan.FromSeconds(30));

        var factory = new MqttClientFactory();
        using var subscriber = factory.CreateMqttClient();
        var received = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        subscriber.ApplicationMessageReceivedAsync += _ =>
        {
            if (Interlocked.Increment(ref received) == terminals * (perTerminal + warmUp))
            {
                all.TrySetResult();
            }
            return Task.CompletedTask;
        };
        await subscriber.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("sink")
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
        await subscriber.SubscribeAsync("onestop/v1/t/+/rating", MqttQualityOfServiceLevel.AtLeastOnce);

        var ids = Enumerable.Range(1, terminals).Select(i => ($"raw{i:0000}", "unused")).ToList();
        await using var publishers = await Publishers.ConnectAsync(port, ids);
        await publishers.PublishAsync(warmUp, window, boot: 1, "raw broker warm-up");
        var cpuBefore = broker.CpuTime;
        var clock = Stopwatch.StartNew();
        await publishers.PublishAsync(perTerminal, window, boot: 2, "raw broker");
        await all.Task.WaitAsync(TimeSpan.FromMinutes(5));
        return (clock.Elapsed, broker.CpuTime - cpuBefore);
    }

    private static async Task<(TimeSpan Elapsed, double[] Latencies, long Stored, TimeSpan ServerCpu)> FullAsync(int terminals, int perTerminal, int window, int warmUp, string synchronous, string? serverDll)
    {
        using var server = serverDll is null
            ? await ServerUnderTest.StartAsync("--Storage:Synchronous", synchronous)
            : await ServerUnderTest.StartBuildAsync(serverDll, "--Storage:Synchronous", synchronous);
        var ids = await server.ProvisionAsync(terminals, "bench");
        await using var publishers = await Publishers.ConnectAsync(server.MqttPort, ids);
        await publishers.PublishAsync(warmUp, window, boot: 1, "durable ingest warm-up");
        await server.WaitForAttributionAsync(TimeSpan.FromMinutes(2));
        var cpuBefore = server.Process.CpuTime;
        var (elapsed, latencies, failed) = await publishers.PublishAsync(perTerminal, window, boot: 2, "durable ingest");
        var cpu = server.Process.CpuTime - cpuBefore;
        if (failed > 0)
        {
            Console.WriteLine($"    {failed} publishes were not acknowledged");
        }
        return (elapsed, latencies, server.StoredRatings(), cpu);
    }
}
