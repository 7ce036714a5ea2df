using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using OneStop.Feedback.Server.Mqtt;
using OneStop.Feedback.Server.Protocol;
using OneStop.Feedback.Server.Terminals;

namespace OneStop.Feedback.Server.Demo;

/// <summary>
/// Demo mode: provisions a small office (counters Q01…Q06 with a terminal each) and runs simulated terminals
/// that connect to the embedded broker like real ones (own credentials, QoS 1, retained status, last will)
/// and press ratings at a human pace, so a newcomer sees data flowing through the whole pipeline.
/// </summary>
public sealed partial class DemoWorker(
    IOptions<DemoOptions> options,
    TerminalRegistry registry,
    EmbeddedBroker broker,
    TimeProvider time,
    ILogger<DemoWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var terminals = new List<TerminalCredentials>();
        for (var i = 1; i <= o.Counters; i++)
        {
            var counter = "Q" + i.ToString("00", CultureInfo.InvariantCulture);
            var id = "demo-" + counter.ToLowerInvariant();
            // Only hashes are stored, so a restarted demo gives its terminals fresh secrets.
            var credentials = registry.Create(id, counter, $"Quầy {i}") ?? registry.RotateSecret(id)!;
            terminals.Add(credentials);
        }
        LogSeeded(logger, terminals.Count, broker.Port);
        var boot = time.GetUtcNow().ToUnixTimeSeconds() & uint.MaxValue;
        var runs = terminals.Select((t, i) => RunTerminalAsync(t, boot, new Random(i + 1), stoppingToken));
        await Task.WhenAll(runs);
    }

    private async Task RunTerminalAsync(TerminalCredentials terminal, long boot, Random random, CancellationToken stoppingToken)
    {
        var factory = new MqttClientFactory();
        using var client = factory.CreateMqttClient();
        var statusTopic = TerminalTopic.Format(terminal.Id, TopicKind.Status);
        var connect = factory.CreateClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", broker.Port)
            .WithClientId(terminal.Id)
            .WithCredentials(terminal.Id, terminal.Secret)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithWillTopic(statusTopic).WithWillPayload("offline").WithWillRetain().WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        long seq = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    var result = await client.ConnectAsync(connect, stoppingToken);
                    if (result.ResultCode != MqttClientConnectResultCode.Success)
                    {
                        throw new InvalidOperationException("demo terminal refused: " + result.ResultCode);
                    }
                    await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(statusTopic)
                        .WithPayload("{\"v\":1,\"state\":\"online\",\"fw\":\"demo\"}").WithRetainFlag()
                        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), stoppingToken);
                }
                var wait = -Math.Log(1 - random.NextDouble()) * options.Value.MeanIntervalSeconds;
                await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(wait, 3, 300)), time, stoppingToken);
                var payload = Payload(boot, ++seq, time.GetUtcNow().ToUnixTimeMilliseconds(), random);
                await client.PublishAsync(new MqttApplicationMessageBuilder()
                    .WithTopic(TerminalTopic.Format(terminal.Id, TopicKind.Rating))
                    .WithPayload(Encoding.UTF8.GetBytes(payload))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
            {
                LogRetry(logger, terminal.Id, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>A plausible rating: mostly satisfied, sometimes with the "5 biết" answers.</summary>
    private static string Payload(long boot, long seq, long ts, Random random)
    {
        var roll = random.NextDouble();
        var score = roll < 0.55 ? 5 : roll < 0.82 ? 4 : roll < 0.92 ? 3 : roll < 0.97 ? 2 : 1;
        var json = new StringBuilder(160);
        json.Append(CultureInfo.InvariantCulture, $"{{\"v\":1,\"boot\":{boot},\"seq\":{seq},\"ts\":{ts},\"scale\":5,\"score\":{score}");
        if (random.NextDouble() < 0.4)
        {
            json.Append(",\"criteria\":{");
            for (var i = 0; i < Criteria.Ids.Length; i++)
            {
                var answer = Math.Clamp(score + random.Next(-1, 2), 1, 5);
                json.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : "")}\"{Criteria.Ids[i]}\":{answer}");
            }
            json.Append('}');
        }
        return json.Append('}').ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: {Count} simulated terminals pressing ratings through the embedded broker on port {Port}")]
    private static partial void LogSeeded(ILogger logger, int count, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo terminal {Terminal}: {Error}; retrying")]
    private static partial void LogRetry(ILogger logger, string terminal, string error);
}
