using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Server.Ingest;
using OneStop.Feedback.Server.Mqtt;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.External;

/// <summary>
/// The worker against a real Mosquitto, with the test in the place of the ingest writer: it decides which
/// commits fail, and sees every delivery, so acknowledgement order and redelivery can be checked exactly.
/// </summary>
public class ExternalBrokerCommitFailureTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task FailedCommitIsNotAcknowledgedAndIsRedeliveredWithEverythingAfterIt()
    {
        await using var setup = await ExternalSetup.StartAsync("T1");
        var pipeline = new IngestPipeline(Options.Create(new IngestOptions()));
        var handler = new TerminalMessageHandler(pipeline, new RejectionLog(TimeProvider.System, NullLogger<RejectionLog>.Instance), TimeProvider.System);
        var s = setup.ServerSettings;
        var options = new MqttOptions
        {
            Mode = MqttMode.External,
            Host = s["Mqtt:Host"]!,
            Port = int.Parse(s["Mqtt:Port"]!, CultureInfo.InvariantCulture),
            Username = s["Mqtt:Username"],
            Password = s["Mqtt:Password"],
            ClientId = "onestop-ingest-commit-failure",
        };
        using var worker = new ExternalBrokerWorker(Options.Create(options), handler, TimeProvider.System, NullLogger<ExternalBrokerWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await Poll.UntilAsync(() => Task.FromResult(worker.Status.Connected), c => c, Deadline, "the worker to connect");
            using var terminal = await setup.ConnectTerminalAsync(setup.Terminals[0]);
            for (var seq = 1; seq <= 10; seq++)
            {
                await terminal.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, seq, TestApp.NowMs)));
            }

            // First delivery: 1..10 in order; the commit of 3 fails ("disk full"), the others succeed.
            var first = await TakeAsync(pipeline, 10);
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), first.Select(Seq));
            foreach (var item in first)
            {
                if (Seq(item) == 3)
                {
                    item.Completion.SetException(new IOException("disk full"));
                }
                else
                {
                    item.Completion.SetResult(IngestOutcome.Stored);
                }
            }

            // 1 and 2 were acknowledged; 3 was not, and nothing after it: the broker sends 3..10 again.
            var again = await TakeAsync(pipeline, 8);
            Assert.Equal(Enumerable.Range(3, 8).Select(i => (long)i), again.Select(Seq));
            foreach (var item in again)
            {
                item.Completion.SetResult(IngestOutcome.Duplicate);
            }
            await Poll.UntilAsync(() => Task.FromResult(worker.Status.Unacknowledged), n => n == 0, Deadline, "all acknowledged");

            // Nothing else is redelivered: the next message through is a new one.
            await terminal.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, 11, TestApp.NowMs)));
            var next = Assert.Single(await TakeAsync(pipeline, 1));
            Assert.Equal(11, Seq(next));
            next.Completion.SetResult(IngestOutcome.Stored);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    private static long Seq(IngestItem item) => ((RatingItem)item).Rating.Seq;

    private static async Task<List<IngestItem>> TakeAsync(IngestPipeline pipeline, int count)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        var items = new List<IngestItem>();
        while (items.Count < count)
        {
            items.Add(await pipeline.Reader.ReadAsync(timeout.Token));
        }
        return items;
    }
}
