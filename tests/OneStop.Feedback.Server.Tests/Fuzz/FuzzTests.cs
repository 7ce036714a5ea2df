using System.Buffers;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using MQTTnet;
using OneStop.Feedback.Server.CsvImport;
using OneStop.Feedback.Server.Protocol;
using OneStop.Feedback.Server.Tests.ReferenceData;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Fuzz;

/// <summary>
/// Bad input gets a clear, recorded rejection and never a crash. The parser is fuzzed at full size here
/// (100,000 payloads); the MQTT and CSV paths at a size that fits the test run. OSF_FUZZ_COUNT raises it.
/// </summary>
public class FuzzTests
{
    private const long Now = 1_795_600_800_000;

    private static int Count(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("OSF_FUZZ_COUNT"), out var n) && n > 0 ? n : fallback;

    private static readonly HashSet<string> Reasons = typeof(RejectionReason).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!).ToHashSet();

    [Fact]
    public void ParsersRejectEveryMalformedPayloadWithAKnownReasonAndNeverThrow()
    {
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var rejected = 0;
        foreach (var payload in MalformedPayloads.Generate(Count(100_000), seed: 7))
        {
            var sequence = new ReadOnlySequence<byte>(payload);
            var rating = RatingPayloadParser.Parse(sequence, Now);
            var ev = TerminalEventParser.Parse(sequence, Now);
            Assert.True(rating.IsValid || (Reasons.Contains(rating.Reason!) && !string.IsNullOrEmpty(rating.Detail)), rating.Reason);
            Assert.True(ev.IsValid || Reasons.Contains(ev.Reason!), ev.Reason);
            if (rating.IsValid)
            {
                var r = rating.Value!;
                Assert.True(r.Scale is >= 3 and <= 5 && r.Score >= 1 && r.Score <= r.Scale && r.Boot is >= 0 and <= uint.MaxValue);
            }
            else
            {
                rejected++;
            }
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);

        Assert.True(rejected > Count(100_000) * 0.9, $"only {rejected} rejected");
        Assert.True(after - before < 16 * 1024 * 1024, $"memory grew by {(after - before) / 1024} KiB");
    }

    [Fact]
    public async Task MalformedPublishesAndWrongTopicsAreAllRecordedAndTheServerKeepsServing()
    {
        await using var app = new TestApp();
        var terminal = await app.CreateTerminalAsync("F1");
        using var client = await app.ConnectAsync(terminal);
        var random = new Random(11);
        string[] topics = ["onestop/v1/t/F1/rating", "onestop/v1/t/F1/event", "onestop/v1/t/F1/status", "onestop/v1/t/F1/nonsense", "onestop/v1/t/F2/rating", "x/y"];
        var sent = 0;
        var accepted = 0;
        long before = 0;
        foreach (var payload in MalformedPayloads.Generate(Count(1_500), seed: 3))
        {
            if (sent == 200)
            {
                // The server runs in this process: its managed heap, measured once warmed up.
                before = GC.GetTotalMemory(forceFullCollection: true);
            }
            var topic = topics[random.Next(topics.Length)];
            var ack = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build());
            sent++;
            accepted += ack.ReasonCode == MqttClientPublishReasonCode.Success && topic != "x/y" && !topic.Contains("nonsense", StringComparison.Ordinal) && !topic.Contains("F2", StringComparison.Ordinal) ? 1 : 0;
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(after - before < 32 * 1024 * 1024, $"managed heap grew by {(after - before) / 1024} KiB over {sent - 200} malformed publishes");
        Assert.True(client.IsConnected);
        var rejections = await app.RejectionsAsync();
        Assert.All(rejections, r => Assert.Contains(r.Reason, Reasons));
        var ratings = await app.RatingsAsync();
        var events = sent - rejections.Count - ratings.Count;
        Assert.True(events >= 0 && rejections.Count + ratings.Count <= sent, $"sent {sent}, rejections {rejections.Count}, ratings {ratings.Count}");
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/healthz")).StatusCode);
        Assert.True(accepted >= ratings.Count);
    }

    [Fact]
    public async Task GarbageCsvNeverCrashesAnImporter()
    {
        await using var app = new TestApp();
        await ReferenceDataTests.SeedOfficeAsync(app);
        var random = new Random(5);
        string[] routes = ["/api/v1/import/service-events", "/api/v1/import/officers", "/api/v1/import/units", "/api/v1/import/counters"];
        string[] headers = ["dossier,procedure,kind,counter,officer,at,due", "id,name,unit,badge", "id,name,parent,validFrom,validTo,requireServiceEvent", "id,unit,name"];
        for (var i = 0; i < Count(300); i++)
        {
            var k = random.Next(routes.Length);
            var body = new StringBuilder(headers[k]).Append('\n');
            for (var line = random.Next(0, 6); line > 0; line--)
            {
                var fields = Enumerable.Range(0, random.Next(0, 9)).Select(_ => random.Next(6) switch
                {
                    0 => "\"" + new string('x', random.Next(0, 400)) + "\"\"\"",
                    1 => "Q1",
                    2 => "2026-11-05 08:30",
                    3 => "'; DROP TABLE ratings; --",
                    4 => "\"unterminated",
                    _ => Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
                });
                body.Append(string.Join(',', fields)).Append(random.Next(2) == 0 ? "\r\n" : "\n");
            }
            var response = await app.Client.PostAsync(routes[k], new StringContent(body.ToString(), Encoding.UTF8, "text/csv"));

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{routes[k]} answered {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                Assert.NotEmpty((await response.Content.ReadFromJsonAsync<ImportResponse>())!.Errors);
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/v1/ratings")).StatusCode); // tables intact
    }
}
