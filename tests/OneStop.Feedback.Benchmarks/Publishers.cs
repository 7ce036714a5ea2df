using System.Diagnostics;
using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace OneStop.Feedback.Benchmarks;

/// <summary>Simulated terminals: one MQTT connection each, QoS 1 ratings with a bounded number in flight.</summary>
public sealed class Publishers : IAsyncDisposable
{
    private readonly List<(string Id, IMqttClient Client)> _clients = [];

    public static async Task<Publishers> ConnectAsync(int port, IReadOnlyList<(string Id, string Secret)> terminals)
    {
        var publishers = new Publishers();
        var factory = new MqttClientFactory();
        foreach (var (id, secret) in terminals)
        {
            var client = factory.CreateMqttClient();
            var result = await client.ConnectAsync(factory.CreateClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", port).WithClientId(id).WithCredentials(id, secret)
                .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithTimeout(TimeSpan.FromSeconds(120))
                .WithKeepAlivePeriod(TimeSpan.FromSeconds(120)).Build());
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new InvalidOperationException($"{id}: connect refused ({result.ResultCode})");
            }
            publishers._clients.Add((id, client));
        }
        return publishers;
    }

    /// <summary>The same 1-rating payload shape a terminal sends (about 60–120 bytes).</summary>
    public static byte[] Payload(long boot, long seq, long ts, int score) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"{{\"v\":1,\"boot\":{boot},\"seq\":{seq},\"ts\":{ts},\"scale\":5,\"score\":{score},\"criteria\":{{\"listen\":{score},\"thank\":5}}}}"));

    /// <summary>Publishes <paramref name="perClient"/> ratings on every connection, at most <paramref name="window"/> in flight per
    /// connection; returns the PUBACK latencies in ms. Progress is printed once a second.</summary>
    public async Task<(TimeSpan Elapsed, double[] LatenciesMs, int Failed)> PublishAsync(int perClient, int window, long boot, string label)
    {
        var total = perClient * _clients.Count;
        var latencies = new double[total];
        var done = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        using var progress = new Timer(_ => Console.Write($"\r  {label}: {Volatile.Read(ref done):N0}/{total:N0} acknowledged, {clock.Elapsed.TotalSeconds:0.0} s   "), null, 1000, 1000);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Task.WhenAll(_clients.Select(async (c, index) =>
        {
            using var gate = new SemaphoreSlim(window);
            var pending = new List<Task>(perClient);
            for (var seq = 1; seq <= perClient; seq++)
            {
                await gate.WaitAsync();
                var slot = index * perClient + seq - 1;
                var message = new MqttApplicationMessageBuilder().WithTopic($"onestop/v1/t/{c.Id}/rating")
                    .WithPayload(Payload(boot, seq, ts, 1 + seq % 5)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                var started = Stopwatch.GetTimestamp();
                Task<MqttClientPublishResult> publish;
                try
                {
                    publish = c.Client.PublishAsync(message);
                }
                catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
                {
                    publish = Task.FromException<MqttClientPublishResult>(ex);
                }
                pending.Add(publish.ContinueWith(t =>
                {
                    latencies[slot] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (t.IsFaulted || !t.Result.IsSuccess)
                    {
                        Interlocked.Increment(ref failed);
                    }
                    Interlocked.Increment(ref done);
                    gate.Release();
                }, TaskScheduler.Default));
            }
            await Task.WhenAll(pending);
        }));
        Console.Write("\r" + new string(' ', 80) + "\r");
        return (clock.Elapsed, latencies, failed);
    }

    public IReadOnlyList<(string Id, IMqttClient Client)> Clients => _clients;

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, client) in _clients)
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync();
            }
            client.Dispose();
        }
    }
}
