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
/// them (for (b): until all are in the database). Prints both rates and (b)/(a). <c>--rounds N</c> repeats the
/// sides in turn and compares their best times; <c>--baseline-server DLL</c> adds (b0), another build of the server
/// (e.g. before a change), to every round. Every server run starts from a copy of the same provisioned, empty store.
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
        var rounds = options.Number("rounds", 1);
        var baseline = options.Text("baseline-server");
        var total = terminals * perTerminal;
        var mosquitto = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto" }.FirstOrDefault(File.Exists);
        if (mosquitto is null)
        {
            Console.WriteLine("mosquitto is not installed: apt-get install mosquitto");
            return 2;
        }
        Console.WriteLine($"ingest benchmark through Mosquitto: {terminals} terminals × {perTerminal} ratings (QoS 1, ≤ {window} in flight per terminal) = {total:N0} messages, after {warmUp} warm-up ratings per terminal");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {ConnectionsBenchmark.LoadAverage()}");
        var template = Directory.CreateTempSubdirectory("osf-mosqbench-").FullName;
        var config = Directory.CreateTempSubdirectory("osf-mosqbench-conf-").FullName;
        try
        {
            var ids = ConnectionsBenchmark.Provision(template, terminals);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // the store is complete in its file, to be copied
            var port = ChildProcess.FreePort();
            var output = new StringWriter();
            if (MosquittoConfigVerb.Run(["--output", config, "--Storage:DataDirectory", template, "--Mqtt:Username", IngestUser,
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

            var ok = true;
            var best = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
            for (var round = 1; round <= rounds; round++)
            {
                if (rounds > 1)
                {
                    Console.WriteLine($"round {round} of {rounds} (load average {ConnectionsBenchmark.LoadAverage()})");
                }
                var raw = await BareAsync(broker, publishers, port, terminals, perTerminal, window, warmUp);
                Keep("(a)", raw);
                if (baseline is not null)
                {
                    ok &= await ServerSideAsync("(b0) baseline server", baseline, round, raw);
                }
                ok &= await ServerSideAsync("(b) server", null, round, raw);
            }
            if (rounds > 1)
            {
                Console.WriteLine($"best of {rounds} rounds: " + string.Join(", ", best.Select(kv => $"{kv.Key} {total / kv.Value.TotalSeconds:N0}/s")));
                foreach (var (key, time) in best.Where(kv => kv.Key != "(a)"))
                {
                    Console.WriteLine($"ratio of the best times {key}/(a) = {best["(a)"].TotalSeconds / time.TotalSeconds:0.00}");
                }
            }
            return ok ? 0 : 1;

            void Keep(string key, TimeSpan time) => best[key] = best.TryGetValue(key, out var t) && t < time ? t : time;

            async Task<bool> ServerSideAsync(string label, string? serverDll, int round, TimeSpan raw)
            {
                var key = label[..(label.IndexOf(')', StringComparison.Ordinal) + 1)];
                // A client id per run, whose session is removed afterwards: Mosquitto would otherwise keep queueing
                // every later message for the persistent session of a server that is gone.
                var clientId = $"onestop-ingest-bench-{round}-{key.Trim('(', ')')}";
                var data = Directory.CreateTempSubdirectory("osf-mosqbench-run-").FullName;
                try
                {
                    foreach (var file in Directory.GetFiles(template))
                    {
                        File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
                    }
                    var (full, cpu, brokerCpu, latencies, failed, stored) = await ExternalAsync(broker, publishers, serverDll, data, port, clientId, terminals, perTerminal, window, warmUp);
                    Console.WriteLine($"{label} (Mosquitto → server, ack after commit{(serverDll is null ? "" : ", " + serverDll)}): {total / full.TotalSeconds,10:N0} ratings/s  ({full.TotalSeconds:0.00} s to all stored, server CPU {cpu.TotalSeconds:0.0} s = {cpu.TotalMilliseconds * 1000 / total:0} µs per rating, Mosquitto CPU {brokerCpu.TotalSeconds:0.0} s)");
                    Console.WriteLine($"    terminal PUBACK (from Mosquitto) latency: {Stats.Describe(latencies)}; {failed} not acknowledged");
                    Console.WriteLine($"    stored {stored:N0} of {terminals * (warmUp + perTerminal):N0} (timed + warm-up)");
                    Console.WriteLine($"    ratio {key}/(a) = {raw.TotalSeconds / full.TotalSeconds:0.00}");
                    Keep(key, full);
                    return stored == terminals * (warmUp + perTerminal);
                }
                finally
                {
                    await ForgetSessionAsync(port, clientId);
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    TryDelete(data);
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TryDelete(template);
            TryDelete(config);
        }
    }

    /// <summary>(a) bare Mosquitto: a subscriber that does nothing (MQTTnet acknowledges each message on return).</summary>
    private static async Task<TimeSpan> BareAsync(ChildProcess broker, Publishers publishers, int port, int terminals, int perTerminal, int window, int warmUp)
    {
        var factory = new MqttClientFactory();
        using var sink = factory.CreateMqttClient();
        var received = 0;
        sink.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref received);
            return Task.CompletedTask;
        };
        // The server's receive maximum (Mqtt:ReceiveMaximum), so that both consumers get the same in-flight window. Without
        // it MQTTnet announces 65,535 and Mosquitto 2.0.11 puts that many in flight; each PUBACK is then matched in a
        // long list, and a backlog makes the bare side collapse to 3–9k msg/s in some rounds (seen 2026-11-29).
        await sink.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("bench-sink")
            .WithCredentials(IngestUser, IngestPassword).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithCleanStart(true)
            .WithReceiveMaximum((ushort)new OneStop.Feedback.Server.Mqtt.MqttOptions().ReceiveMaximum).Build());
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
        Console.WriteLine($"(a) bare Mosquitto pub→sub:  {terminals * perTerminal / raw.TotalSeconds,10:N0} msg/s  ({raw.TotalSeconds:0.00} s, Mosquitto CPU {rawBrokerCpu.TotalSeconds:0.0} s)");
        return raw;
    }

    /// <summary>(b) the server in external mode: acknowledges to Mosquitto after the commit.</summary>
    private static async Task<(TimeSpan Elapsed, TimeSpan ServerCpu, TimeSpan BrokerCpu, double[] Latencies, int Failed, long Stored)> ExternalAsync(
        ChildProcess broker, Publishers publishers, string? serverDll, string data, int port, string clientId, int terminals, int perTerminal, int window, int warmUp)
    {
        using var server = await ServerUnderTest.StartBuildOnAsync(serverDll, data, "--Mqtt:Mode", "external", "--Mqtt:Host", "127.0.0.1", "--Mqtt:Port", port.ToString(CultureInfo.InvariantCulture),
            "--Mqtt:Username", IngestUser, "--Mqtt:Password", IngestPassword, "--Mqtt:ClientId", clientId);
        await WaitHealthyAsync(server);
        await publishers.PublishAsync(warmUp, window, boot: 3, "external ingest warm-up");
        await WaitAsync(() => (int)server.StoredRatings(), terminals * warmUp, "external ingest warm-up");
        await server.WaitForAttributionAsync(TimeSpan.FromMinutes(2));
        var serverCpu = server.Process.CpuTime;
        var brokerCpu = broker.CpuTime;
        var clock = Stopwatch.StartNew();
        var (_, latencies, failed) = await publishers.PublishAsync(perTerminal, window, boot: 4, "external ingest");
        await WaitAsync(() => (int)server.StoredRatings(), terminals * (warmUp + perTerminal), "external ingest");
        var full = clock.Elapsed;
        return (full, server.Process.CpuTime - serverCpu, broker.CpuTime - brokerCpu, latencies, failed, server.StoredRatings());
    }

    /// <summary>Removes a server run's persistent session from Mosquitto (clean start, no session expiry).</summary>
    private static async Task ForgetSessionAsync(int port, string clientId)
    {
        var factory = new MqttClientFactory();
        using var client = factory.CreateMqttClient();
        try
        {
            await client.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(clientId)
                .WithCredentials(IngestUser, IngestPassword).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
                .WithCleanStart(true).WithSessionExpiryInterval(0).Build());
            await client.DisconnectAsync();
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException ex)
        {
            Console.WriteLine($"    could not remove the session of {clientId}: {ex.Message}");
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
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
