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
        var total = terminals * perTerminal;
        Console.WriteLine($"ingest benchmark: {terminals} terminals × {perTerminal} ratings (QoS 1, ≤ {window} in flight per terminal) = {total:N0} messages");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

        var raw = await RawAsync(terminals, perTerminal, window);
        Console.WriteLine($"(a) bare broker pub→sub:       {total / raw.TotalSeconds,10:N0} msg/s  ({raw.TotalSeconds:0.00} s)");

        var synchronous = options.Text("synchronous") ?? "full";
        var (full, latencies, stored, cpu) = await FullAsync(terminals, perTerminal, window, synchronous);
        Console.WriteLine($"(b) durable ingest (PUBACK after commit, synchronous={synchronous}): {total / full.TotalSeconds,10:N0} ratings/s  ({full.TotalSeconds:0.00} s, server CPU {cpu.TotalSeconds:0.0} s)");
        Console.WriteLine($"    PUBACK latency under this load: {Stats.Describe(latencies)}");
        Console.WriteLine($"    stored {stored:N0} of {total:N0}");
        Console.WriteLine($"ratio (b)/(a) = {raw.TotalSeconds / full.TotalSeconds:0.00}");
        return stored == total ? 0 : 1;
    }

    private static async Task<TimeSpan> RawAsync(int terminals, int perTerminal, int window)
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
            if (Interlocked.Increment(ref received) == terminals * perTerminal)
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
        var clock = Stopwatch.StartNew();
        await publishers.PublishAsync(perTerminal, window, boot: 1, "raw broker");
        await all.Task.WaitAsync(TimeSpan.FromMinutes(5));
        return clock.Elapsed;
    }

    private static async Task<(TimeSpan Elapsed, double[] Latencies, long Stored, TimeSpan ServerCpu)> FullAsync(int terminals, int perTerminal, int window, string synchronous)
    {
        using var server = await ServerUnderTest.StartAsync("--Storage:Synchronous", synchronous);
        var ids = await server.ProvisionAsync(terminals, "bench");
        await using var publishers = await Publishers.ConnectAsync(server.MqttPort, ids);
        var cpuBefore = server.Process.CpuTime;
        var (elapsed, latencies, failed) = await publishers.PublishAsync(perTerminal, window, boot: 1, "durable ingest");
        var cpu = server.Process.CpuTime - cpuBefore;
        if (failed > 0)
        {
            Console.WriteLine($"    {failed} publishes were not acknowledged");
        }
        return (elapsed, latencies, server.StoredRatings(), cpu);
    }
}
