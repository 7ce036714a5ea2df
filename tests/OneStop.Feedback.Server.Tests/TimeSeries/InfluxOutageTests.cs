using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Tests.ReferenceData;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.TimeSeries;

/// <summary>InfluxDB stopped for a while, or refusing a line: ingest goes on, the outbox shows it, and drains without loss.</summary>
public class InfluxOutageTests
{
    [Fact]
    public async Task OutboxGrowsWhileInfluxIsDownAndDrainsWithoutLossOrDuplicates()
    {
        await using var influx = await InfluxServer.StartAsync();
        await using var app = new TestApp(InfluxTestSetup.Settings(influx));
        await ReferenceDataTests.SeedOfficeAsync(app);
        var terminal = await app.CreateTerminalAsync("T1", "Q1");
        var t0 = DateTimeOffset.UtcNow.AddHours(-3);
        (await app.Client.PostAsJsonAsync("/api/v1/shifts", new { officerId = "CB-1", counterId = "Q1", start = t0.AddHours(-1) })).EnsureSuccessStatusCode();
        var worker = app.Services.GetRequiredService<AttributionWorker>();
        using var client = await app.ConnectAsync(terminal);
        async Task PublishAsync(int fromSeq, int toSeq)
        {
            for (var seq = fromSeq; seq <= toSeq; seq++)
            {
                var result = await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating",
                    TestApp.Rating(1, seq, t0.AddMinutes(seq).ToUnixTimeMilliseconds(), score: 1 + (seq % 5))));
                Assert.True(result.IsSuccess, result.ReasonString);
            }
        }
        await PublishAsync(1, 20);
        worker.Drain();
        await InfluxTestSetup.DrainedAsync(app);

        await influx.StopAsync();
        await PublishAsync(21, 50);
        worker.Drain();
        var failing = await Poll.UntilAsync(() => Task.FromResult(InfluxTestSetup.Status(app)), s => s.State == "failing",
            TimeSpan.FromSeconds(30), "the outbox worker to notice InfluxDB is down");
        using var health = await app.CreateAnonymousClient().GetAsync("/healthz");
        var body = await health.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(50, (await app.RatingsAsync()).Count);
        Assert.True(failing.Pending >= 30, $"pending {failing.Pending}");
        Assert.NotNull(failing.LastError);
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode); // ingest is healthy; the outbox state shows apart
        Assert.Equal("failing", body.GetProperty("timeSeries").GetProperty("state").GetString());
        Assert.Equal(failing.Pending, body.GetProperty("timeSeries").GetProperty("pending").GetInt64());

        await influx.StartAsync();
        await InfluxTestSetup.DrainedAsync(app);

        var count = await influx.RowsAsync("SELECT COUNT(score) FROM rating", InfluxTestSetup.Database);
        var distinct = await influx.RowsAsync("SELECT COUNT(DISTINCT(seq)) FROM rating WHERE \"current\" = 1", InfluxTestSetup.Database);
        var daily = await influx.RowsAsync("SELECT SUM(ratings) + SUM(flagged) FROM rating_daily", InfluxTestSetup.Database);
        Assert.Equal(50, count.Single()["count"].GetInt32());
        Assert.Equal(50, distinct.Single()["count"].GetInt32());
        Assert.Equal(50, daily.Single().Values.Last().GetInt32());
        Assert.Equal(0, InfluxTestSetup.Status(app).Rejected);
    }

    [Fact]
    public async Task ALineInfluxRefusesIsSetAsideAndTheRestIsWritten()
    {
        await using var influx = await InfluxServer.StartAsync(InfluxTestSetup.Database);
        var t0 = DateTimeOffset.UtcNow.AddHours(-2);
        // Someone wrote 'score' as a string into the same shard: InfluxDB now refuses integer scores there (400).
        using (var http = new HttpClient())
        {
            var write = await http.PostAsync($"{influx.Url}/write?db={InfluxTestSetup.Database}&precision=ms",
                new StringContent($"rating,terminal_id=X score=\"bad\" {t0.ToUnixTimeMilliseconds()}\n"));
            Assert.Equal(System.Net.HttpStatusCode.NoContent, write.StatusCode);
        }
        await using var app = new TestApp(InfluxTestSetup.Settings(influx));
        await ReferenceDataTests.SeedOfficeAsync(app);
        var terminal = await app.CreateTerminalAsync("T1", "Q1");
        using var client = await app.ConnectAsync(terminal);
        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, 1, t0.ToUnixTimeMilliseconds() + 1000)));
        app.Services.GetRequiredService<AttributionWorker>().Drain();

        var status = await InfluxTestSetup.DrainedAsync(app);

        Assert.Equal(1, status.Rejected);
        using (var c = app.Services.GetRequiredService<Database>().Open())
        {
            var (line, error) = c.Query("SELECT line, error FROM timeseries_rejected", r => (r.GetString(0), r.GetString(1))).Single();
            Assert.StartsWith("rating,counter_id=Q1,", line, StringComparison.Ordinal);
            Assert.Contains("field type conflict", error, StringComparison.Ordinal);
        }
        var daily = await influx.RowsAsync("SELECT flagged FROM rating_daily", InfluxTestSetup.Database);
        Assert.Equal(1, daily.Single()["flagged"].GetInt32());
    }
}
