using System.Collections.Concurrent;
using System.Net.Http.Json;
using MQTTnet;
using OneStop.Feedback.Server.Ratings;
using OneStop.Feedback.Server.Terminals;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Ingest;

/// <summary>"A PUBACK means committed", proven by killing the server process with SIGKILL.</summary>
public class DurabilityTests
{
    [Fact]
    public async Task RatingAcknowledgedJustBeforeSigkillIsThereAfterRestart()
    {
        using var data = new TempDirectory("osf-kill");
        TerminalCredentials terminal;
        await using (var server = await ServerProcess.StartAsync(data.Path))
        {
            terminal = await CreateTerminalAsync(server, "K1");
            using var client = await ConnectAsync(server, terminal);
            var ack = await client.PublishAsync(TestApp.Message("onestop/v1/t/K1/rating", TestApp.Rating(1, 1, TestApp.NowMs)));
            Assert.True(ack.IsSuccess, ack.ReasonString);
            server.Kill(); // right after the PUBACK, before anything else can happen
        }

        await using var restarted = await ServerProcess.StartAsync(data.Path);
        var ratings = await restarted.Http.GetFromJsonAsync<List<RatingView>>("/api/v1/ratings?terminal=K1");
        Assert.Equal((1L, 1L), (Assert.Single(ratings!).Boot, ratings![0].Seq));
    }

    [Fact]
    public async Task NothingAcknowledgedIsLostWhenTheServerIsKilledUnderLoad()
    {
        using var data = new TempDirectory("osf-kill");
        var acked = new ConcurrentDictionary<(string, long), bool>();
        const int terminals = 4;
        await using (var server = await ServerProcess.StartAsync(data.Path))
        {
            var credentials = new List<TerminalCredentials>();
            for (var i = 1; i <= terminals; i++)
            {
                credentials.Add(await CreateTerminalAsync(server, "L" + i));
            }
            using var stop = new CancellationTokenSource();
            var publishers = credentials.Select(c => PublishUntilFailureAsync(server, c, acked, stop.Token)).ToArray();
            await Poll.UntilAsync(() => Task.FromResult(acked.Count), n => n >= 400, TimeSpan.FromSeconds(60), "400 acknowledged ratings");
            server.Kill();
            stop.CancelAfter(TimeSpan.FromSeconds(30)); // bound the wait for publishers to notice
            await Task.WhenAll(publishers);
        }

        await using var restarted = await ServerProcess.StartAsync(data.Path);
        var stored = (await restarted.Http.GetFromJsonAsync<List<RatingView>>("/api/v1/ratings?limit=10000"))!;
        var storedKeys = stored.Select(r => (r.Terminal, r.Seq)).ToHashSet();
        var lost = acked.Keys.Where(k => !storedKeys.Contains(k)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged rating(s) lost, e.g. {string.Join(", ", lost.Take(5))}");
        Assert.Equal(stored.Count, storedKeys.Count);
        Assert.True(stored.Count >= acked.Count);
    }

    /// <summary>Publishes with up to 16 in flight and records each acknowledged seq; ends when the server dies.</summary>
    private static async Task PublishUntilFailureAsync(ServerProcess server, TerminalCredentials terminal, ConcurrentDictionary<(string, long), bool> acked, CancellationToken cancellationToken)
    {
        using var client = await ConnectAsync(server, terminal);
        using var window = new SemaphoreSlim(16);
        var inFlight = new List<Task>();
        var now = TestApp.NowMs;
        for (long seq = 1; seq <= 1_000_000 && client.IsConnected && !cancellationToken.IsCancellationRequested; seq++)
        {
            try
            {
                await window.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var s = seq;
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    var ack = await client.PublishAsync(TestApp.Message($"onestop/v1/t/{terminal.Id}/rating", TestApp.Rating(1, s, now)));
                    if (ack.IsSuccess)
                    {
                        acked[(terminal.Id, s)] = true;
                    }
                }
                catch (Exception)
                {
                    // The server died mid-flight: this one was never acknowledged. Whatever the client throws
                    // while its connection dies (MQTTnet 5.2 has been seen to throw a NullReferenceException
                    // here), the only thing that matters is that no acknowledgement was seen.
                }
                finally
                {
                    window.Release();
                }
            }, CancellationToken.None));
        }
        await Task.WhenAll(inFlight);
    }

    private static async Task<TerminalCredentials> CreateTerminalAsync(ServerProcess server, string id)
    {
        var response = await server.Http.PostAsJsonAsync("/api/v1/terminals", new { id, counterId = "Q1", name = id });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TerminalCredentials>())!;
    }

    private static async Task<IMqttClient> ConnectAsync(ServerProcess server, TerminalCredentials terminal)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientFactory().CreateClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", server.MqttPort).WithClientId(terminal.Id).WithCredentials(terminal.Id, terminal.Secret)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }
}
