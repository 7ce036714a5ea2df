using System.Diagnostics;
using System.Globalization;
using MQTTnet;
using MQTTnet.Protocol;
using OneStop.Feedback.Server.Mqtt.Mosquitto;

namespace OneStop.Feedback.Benchmarks;

/// <summary>
/// Ingest throughput in production mode: the same QoS 1 ratings from the same terminals through one Mosquitto,
/// configured by the server's own <c>mosquitto-config</c> (passwd, ACL, in-flight and queue limits), (a) to a
/// subscriber that does nothing, and (b) to the server in external mode, which acknowledges each message to
/// Mosquitto only after its group commit. Both are timed from the first publish until the consumer has all of
/// them (for (b): until all are in the database). Prints both rates and (b)/(a).
/// </summary>
public static class MosquittoIngestBenchmark
{
    private const string IngestUser = "ingest";
    private const string IngestPassword = "bench-ingest-password";

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var terminals = options.Number("terminals", 50);
        var perTerminal = options.Number("ratings", 2000);
        var window = options.Number("window", 32);
        var warmUp = options.Number("warmup", Math.Max(1, perTerminal / 5));
        var total = terminals * perTerminal;
        var mosquitto = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto" }.FirstOrDefault(File.Exists);
        if (mosquitto is null)
        {
            Console.WriteLine("mosquitto is not installed: apt-get install mosquitto");
            return 2;
        }
        Console.WriteLine($"ingest benchmark through Mosquitto: {terminals} terminals × {perTerminal} ratings (QoS 1, ≤ {window} in flight per terminal) = {total:N0} messages, after {warmUp} warm-up ratings per terminal");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {ConnectionsBenchmark.LoadAverage()}");
        var data = Directory.CreateTempSubdirectory("osf-mosqbench-").FullName;
        var config = Directory.CreateTempSubdirectory("osf-mosqbench-conf-").FullName;
        try
        {
            var ids = ConnectionsBenchmark.Provision(data, terminals);
            var port = ChildProcess.FreePort();
            var output = new StringWriter();
            if (MosquittoConfigVerb.Run(["--output", config, "--Storage:DataDirectory", data, "--Mqtt:Username", IngestUser,
                    "--Mqtt:Password", IngestPassword, "--Mqtt:Port", port.ToString(CultureInfo.InvariantCulture)], output, output) != 0)
            {
                Console.WriteLine("mosquitto-config failed: " + output);
                return 1;
            }
            // Loopback only, and stay root (the temporary folders are not readable by the 'mosquitto' user).
            var listener = "listener " + port.ToString(CultureInfo.InvariantCulture);
            var conf = (await File.ReadAllLinesAsync(Path.Combine(config, MosquittoFiles.ConfFile)))
                .Select(line => line == listener ? listener + " 127.0.0.1" : line).Append("user root")
                .Append("log_type error").Append("log_type warning"); // not a line per connection in the benchmark's output
            var confPath = Path.Combine(config, "bench.conf");
            await File.WriteAllLinesAsync(confPath, conf);
            using var broker = ChildProcess.Start(mosquitto, "-c", confPath);
            await broker.WaitForPortAsync(port, TimeSpan.FromSeconds(15));
            await using var publishers = await Publishers.ConnectAsync(port, ids);

            // (a) bare Mosquitto: a subscriber that does nothing (MQTTnet acknowledges each message on return).
            var factory = new MqttClientFactory();
            using var sink = factory.CreateMqttClient();
            var received = 0;
            sink.ApplicationMessageReceivedAsync += _ =>
            {
                Interlocked.Increment(ref received);
                return Task.CompletedTask;
            };
            await sink.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("bench-sink")
                .WithCredentials(IngestUser, IngestPassword).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithCleanStart(true).Build());
            await sink.SubscribeAsync("onestop/v1/t/+/rating", MqttQualityOfServiceLevel.AtLeastOnce);
            await publishers.PublishAsync(warmUp, window, boot: 1, "bare Mosquitto warm-up");
            await WaitAsync(() => Volatile.Read(ref received), terminals * warmUp, "bare Mosquitto warm-up");
            var brokerCpu = broker.CpuTime;
            var clock = Stopwatch.StartNew();
            await publishers.PublishAsync(perTerminal, window, boot: 2, "bare Mosquitto");
            await WaitAsync(() => Volatile.Read(ref received), terminals * (warmUp + perTerminal), "bare Mosquitto");
            var raw = clock.Elapsed;
            var rawBrokerCpu = broker.CpuTime - brokerCpu;
            await sink.DisconnectAsync();
            Console.WriteLine($"(a) bare Mosquitto pub→sub:  {total / raw.TotalSeconds,10:N0} msg/s  ({raw.TotalSeconds:0.00} s, Mosquitto CPU {rawBrokerCpu.TotalSeconds:0.0} s)");

            // (b) the server in external mode: acknowledges to Mosquitto after the commit.
            using var server = await ServerUnderTest.StartOnAsync(data, "--Mqtt:Mode", "external", "--Mqtt:Host", "127.0.0.1", "--Mqtt:Port", port.ToString(CultureInfo.InvariantCulture),
                "--Mqtt:Username", IngestUser, "--Mqtt:Password", IngestPassword, "--Mqtt:ClientId", "onestop-ingest-bench");
            await WaitHealthyAsync(server);
            await publishers.PublishAsync(warmUp, window, boot: 3, "external ingest warm-up");
            await WaitAsync(() => (int)server.StoredRatings(), terminals * warmUp, "external ingest warm-up");
            await server.WaitForAttributionAsync(TimeSpan.FromMinutes(2));
            var serverCpu = server.Process.CpuTime;
            brokerCpu = broker.CpuTime;
            clock.Restart();
            var (_, latencies, failed) = await publishers.PublishAsync(perTerminal, window, boot: 4, "external ingest");
            await WaitAsync(() => (int)server.StoredRatings(), terminals * (warmUp + perTerminal), "external ingest");
            var full = clock.Elapsed;
            var cpu = server.Process.CpuTime - serverCpu;
            Console.WriteLine($"(b) Mosquitto → server (ack after commit): {total / full.TotalSeconds,10:N0} ratings/s  ({full.TotalSeconds:0.00} s to all stored, server CPU {cpu.TotalSeconds:0.0} s = {cpu.TotalMilliseconds * 1000 / total:0} µs per rating, Mosquitto CPU {(broker.CpuTime - brokerCpu).TotalSeconds:0.0} s)");
            Console.WriteLine($"    terminal PUBACK (from Mosquitto) latency: {Stats.Describe(latencies)}; {failed} not acknowledged");
            var stored = server.StoredRatings();
            Console.WriteLine($"    stored {stored:N0} of {terminals * (warmUp + perTerminal):N0} (timed + warm-up)");
            Console.WriteLine($"ratio (b)/(a) = {raw.TotalSeconds / full.TotalSeconds:0.00}");
            return stored == terminals * (warmUp + perTerminal) ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var dir in new[] { data, config })
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static async Task WaitAsync(Func<int> count, int expected, string label)
    {
        var clock = Stopwatch.StartNew();
        var last = -1;
        var lastChange = Stopwatch.StartNew();
        while (true)
        {
            var now = count();
            if (now >= expected)
            {
                return;
            }
            if (now != last)
            {
                last = now;
                lastChange.Restart();
            }
            if (lastChange.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"{label}: stuck at {now:N0} of {expected:N0} for 60 s");
            }
            Console.Write($"\r  {label}: {now:N0}/{expected:N0} at the consumer, {clock.Elapsed.TotalSeconds:0.0} s   ");
            await Task.Delay(50);
        }
    }

    private static async Task WaitHealthyAsync(ServerUnderTest server)
    {
        for (var i = 0; i < 300; i++)
        {
            using var response = await server.Http.GetAsync("/healthz");
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the server did not connect to Mosquitto within 30 s");
    }
}
