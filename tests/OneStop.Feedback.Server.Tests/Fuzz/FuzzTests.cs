using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using MQTTnet;
using OneStop.Feedback.Server.CsvImport;
using OneStop.Feedback.Server.Dossiers;
using OneStop.Feedback.Server.Organisation;
using OneStop.Feedback.Server.Protocol;
using OneStop.Feedback.Server.Tests.ReferenceData;
using OneStop.Feedback.Server.Tests.Support;
using Xunit.Abstractions;

namespace OneStop.Feedback.Server.Tests.Fuzz;

/// <summary>
/// Bad input gets a clear, recorded rejection and never a crash. The parser is fuzzed at full size here
/// (100,000 payloads); the MQTT and CSV paths at a size that fits the test run. OSF_FUZZ_COUNT raises it.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
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

    /// <summary>
    /// Every importer gets malformed CSV (<see cref="MalformedCsv"/>): each input is refused with 400, nothing of
    /// it is imported, every bad row is named with a field and a reason and no good row is blamed, a broken file
    /// gets one error that says where, no value is echoed at length, and the managed heap of the in-process server
    /// stays flat. 500 inputs here (a few seconds, every kind of broken file among them); <c>OSF_FUZZ_COUNT=100000</c> is the full run.
    /// </summary>
    [Fact]
    public async Task MalformedCsvIsRefusedRowByRowWithAReasonAndNeverCrashesAnImporter()
    {
        // A log line per request would be most of the run time.
        await using var app = new TestApp(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        await ReferenceDataTests.SeedOfficeAsync(app);
        var count = Count(500);
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        long before = 0;
        var n = 0;
        var heap = new List<string>();
        foreach (var input in MalformedCsv.Generate(count, seed: 13))
        {
            if (n++ == 200)
            {
                // The server runs in this process: its managed heap, measured once warmed up.
                before = GC.GetTotalMemory(forceFullCollection: true);
            }
            else if (n > 200 && n % Math.Max(count / 10, 1) == 0)
            {
                heap.Add($"{n}: {GC.GetTotalMemory(forceFullCollection: true) / 1024} KiB");
            }
            using var body = new ByteArrayContent(input.Body);
            body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var response = await app.Client.PostAsync(input.Route, body);
            var text = await response.Content.ReadAsStringAsync();
            var what = $"input {n} ({input.What}, {input.Body.Length} bytes to {input.Route}): {(int)response.StatusCode} {text[..Math.Min(text.Length, 600)]}";

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
            Assert.True(text.Length < 16 * 1024, "the answer echoes too much: " + what);
            var result = JsonSerializer.Deserialize<ImportResponse>(text, JsonSerializerOptions.Web)!;
            Assert.Equal(0, result.Imported);
            Assert.True(result.Errors.Count > 0 && result.Errors.All(e => !string.IsNullOrWhiteSpace(e.Field) && !string.IsNullOrWhiteSpace(e.Message)), what);
            if (input.FileLevel)
            {
                var error = Assert.Single(result.Errors);
                Assert.True(error.Field is "file" or "header", what);
                Assert.True(input.FileErrorLine is null || input.FileErrorLine == error.Row, $"expected line {input.FileErrorLine}: {what}");
            }
            else
            {
                Assert.True(input.BadLines.Order().SequenceEqual(result.Errors.Select(e => e.Row).Distinct().Order()), $"expected exactly lines {string.Join(",", input.BadLines.Order())}: {what}");
            }
            kinds[input.What] = kinds.GetValueOrDefault(input.What) + 1;
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);

        output.WriteLine($"{count} malformed CSV inputs in {clock.Elapsed.TotalSeconds:0.0} s; managed heap {before / 1024} KiB after 200, {after / 1024} KiB after all ({(after - before) / 1024:+0;-0} KiB)");
        output.WriteLine("managed heap along the run: " + string.Join(", ", heap));
        output.WriteLine(string.Join(", ", kinds.Select(k => $"{k.Key}: {k.Value}")));
        Assert.True(after - before < 32 * 1024 * 1024, $"managed heap grew by {(after - before) / 1024} KiB over {count - 200} malformed imports");
        // All or nothing: the office is as seeded, no service event came in, and the server still serves.
        Assert.Equal(2, (await app.Client.GetFromJsonAsync<List<UnitRecord>>("/api/v1/units"))!.Count);
        Assert.Equal(2, (await app.Client.GetFromJsonAsync<List<CounterRecord>>("/api/v1/counters"))!.Count);
        Assert.Equal(2, (await app.Client.GetFromJsonAsync<List<OfficerRecord>>("/api/v1/officers"))!.Count);
        Assert.Empty((await app.Client.GetFromJsonAsync<List<ServiceEventView>>("/api/v1/service-events"))!);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/healthz")).StatusCode);
    }
}
