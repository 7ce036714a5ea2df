using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;

namespace OneStop.Feedback.Benchmarks;

/// <summary>
/// Press → PUBACK latency at a steady background load: terminals publish one rating at a time (like the
/// firmware, which waits for each PUBACK), paced so that all together send <c>--rate</c> ratings/s.
/// Since a PUBACK is sent only after the commit, this is the latency of a durable rating. <c>--baseline-server DLL</c>
/// measures another build of the server (e.g. before a change) in the same run, alternating with this one over
/// <c>--rounds N</c>.
/// </summary>
public static class LatencyBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var rate = options.Number("rate", 1000);
        var seconds = options.Number("seconds", 20);
        var terminals = options.Number("terminals", 100);
        var rounds = options.Number("rounds", 1);
        var baseline = options.Text("baseline-server");
        Console.WriteLine($"latency benchmark: {terminals} terminals, {rate} ratings/s in total for {seconds} s (one in flight per terminal)");
        var ok = true;
        for (var round = 1; round <= rounds; round++)
        {
            if (rounds > 1)
            {
                Console.WriteLine($"round {round} of {rounds} (load average {ConnectionsBenchmark.LoadAverage()})");
            }
            if (baseline is not null)
            {
                ok &= await MeasureAsync("(b0) baseline " + baseline, baseline, rate, seconds, terminals);
            }
            ok &= await MeasureAsync(baseline is null ? "server" : "(b) server", null, rate, seconds, terminals);
        }
        return ok ? 0 : 1;
    }

    private static async Task<bool> MeasureAsync(string label, string? serverDll, int rate, int seconds, int terminals)
    {
        var perTerminalInterval = TimeSpan.FromSeconds(terminals / (double)rate);
        using var server = serverDll is null ? await ServerUnderTest.StartAsync() : await ServerUnderTest.StartBuildAsync(serverDll);
        var ids = await server.ProvisionAsync(terminals, "lat");
        await using var publishers = await Publishers.ConnectAsync(server.MqttPort, ids);
        var latencies = new List<double>[terminals];
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        using var progress = new Timer(_ => Console.Write($"\r  {clock.Elapsed.TotalSeconds:0} s / {seconds} s   "), null, 1000, 1000);
        await Task.WhenAll(publishers.Clients.Select(async (c, index) =>
        {
            var list = latencies[index] = [];
            var next = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * perTerminalInterval.TotalMilliseconds);
            for (var seq = 1; clock.Elapsed < end; seq++)
            {
                var wait = next - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
                next += perTerminalInterval;
                var message = new MqttApplicationMessageBuilder().WithTopic($"onestop/v1/t/{c.Id}/rating")
                    .WithPayload(Publishers.Payload(1, seq, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 1 + seq % 5))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                var started = Stopwatch.GetTimestamp();
                var ack = await c.Client.PublishAsync(message);
                if (ack.IsSuccess)
                {
                    list.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }));
        await progress.DisposeAsync();
        Console.Write("\r" + new string(' ', 40) + "\r");
        var all = latencies.SelectMany(l => l).ToArray();
        var stored = server.StoredRatings();
        Console.WriteLine($"{label}: achieved {all.Length / clock.Elapsed.TotalSeconds:N0} ratings/s; stored {stored:N0}, acknowledged {all.Length:N0}");
        Console.WriteLine($"    press → PUBACK (committed): {Stats.Describe(all)}");
        Console.WriteLine($"    server RSS {server.Process.RssMiB:0} MiB, CPU {server.Process.CpuTime.TotalSeconds:0.0} s");
        return stored >= all.Length;
    }
}
