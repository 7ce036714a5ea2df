using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Tests.ReferenceData;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.TimeSeries;

/// <summary>Ratings ingested over MQTT become exactly the documented points in a real InfluxDB 1.6.7.</summary>
public class InfluxPointTests
{
    [Fact]
    public async Task IngestedRatingsAreWrittenAsTheDocumentedLineProtocol()
    {
        await using var influx = await InfluxServer.StartAsync();
        await using var app = new TestApp(InfluxTestSetup.Settings(influx));
        await ReferenceDataTests.SeedOfficeAsync(app);
        var terminal = await app.CreateTerminalAsync("T1", "Q1");
        var t0 = DateTimeOffset.UtcNow.AddHours(-3);
        var ms = t0.ToUnixTimeMilliseconds();
        (await app.Client.PostAsJsonAsync("/api/v1/shifts", new { officerId = "CB-2", counterId = "Q1", start = t0.AddHours(-1), end = t0.AddMinutes(30) })).EnsureSuccessStatusCode();
        (await app.Client.PostAsJsonAsync("/api/v1/service-events", new[]
        {
            new { dossier = "HS-2026 \"A\",1", procedure = "Khai sinh", kind = "received", counter = "Q1", officer = "CB-1", at = t0.ToString("O"), due = t0.AddDays(2).ToString("O") },
        })).EnsureSuccessStatusCode();
        using var client = await app.ConnectAsync(terminal);
        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(7, 1, ms + 60_000, score: 5, criteria: """{"listen":5,"thank":4}""")));
        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(7, 2, ms + 3_600_000, score: 2, scale: 3)));

        app.Services.GetRequiredService<AttributionWorker>().Drain();
        await InfluxTestSetup.DrainedAsync(app);

        var ids = (await app.RatingsAsync()).OrderBy(r => r.Seq).Select(r => r.Id).ToList();
        var lines = InfluxTestSetup.QueuedLines(app);
        // Rating 1 took the service event (officer CB-1, the dossier with a space, quotes and a comma escaped);
        // rating 2 came after the shift ended: no officer, tag 'none', empty dossier, flagged no-service (4).
        Assert.Equal(
            $"rating,counter_id=Q1,officer_id=CB-1,stars=5/5,terminal_id=T1,unit_id=P-BD boot=7i,current=1i,dossier=\"HS-2026 \\\"A\\\",1\",flags=0i,listen=5i,satisfied=1i,scale=5i,score=5i,seq=1i,thank=4i {ms + 60_000}",
            lines["r:" + ids[0]]);
        Assert.Equal(
            $"rating,counter_id=Q1,officer_id=none,stars=2/3,terminal_id=T1,unit_id=P-BD boot=7i,current=1i,dossier=\"\",flags=4i,satisfied=1i,scale=3i,score=2i,seq=2i {ms + 3_600_000}",
            lines["r:" + ids[1]]);
        var day = DirtyCounterDays.DayText(VietnamTime.DayOf(t0.AddMinutes(1)));
        Assert.Contains($"d:{day}|Q1|CB-1", lines.Keys);

        var rows = await influx.RowsAsync("SELECT * FROM rating ORDER BY time", InfluxTestSetup.Database);
        Assert.Equal(2, rows.Count);
        Assert.Equal(("CB-1", "HS-2026 \"A\",1", 5, 4, ms + 60_000), (rows[0]["officer_id"].GetString(), rows[0]["dossier"].GetString(),
            rows[0]["listen"].GetInt32(), rows[0]["thank"].GetInt32(), rows[0]["time"].GetInt64()));
        Assert.Equal(("none", "", "2/3", 7L), (rows[1]["officer_id"].GetString(), rows[1]["dossier"].GetString(), rows[1]["stars"].GetString(), rows[1]["boot"].GetInt64()));
        Assert.All(rows, r => Assert.Equal(["counter_id", "officer_id", "stars", "terminal_id", "unit_id"],
            r.Where(kv => kv.Value.ValueKind == System.Text.Json.JsonValueKind.String && kv.Key != "dossier").Select(kv => kv.Key).Order(StringComparer.Ordinal)));
        var daily = await influx.RowsAsync("SELECT ratings, flagged, no_service, services, level_5_5, listen_5_answers, listen_5_steps FROM rating_daily GROUP BY *", InfluxTestSetup.Database);
        var cb1 = daily.Single(r => r["officer_id"].GetString() == "CB-1");
        Assert.Equal((1, 0, 1, 1, 1, 4L), (cb1["ratings"].GetInt32(), cb1["flagged"].GetInt32(), cb1["services"].GetInt32(),
            cb1["level_5_5"].GetInt32(), cb1["listen_5_answers"].GetInt32(), cb1["listen_5_steps"].GetInt64()));
        var none = daily.Single(r => r["officer_id"].GetString() == "none");
        Assert.Equal((0, 1, 1), (none["ratings"].GetInt32(), none["flagged"].GetInt32(), none["no_service"].GetInt32()));
    }

    [Fact]
    public async Task RedeliveryWritesNothingNewAndReattributionLeavesOneCurrentPoint()
    {
        await using var influx = await InfluxServer.StartAsync();
        await using var app = new TestApp(InfluxTestSetup.Settings(influx));
        await ReferenceDataTests.SeedOfficeAsync(app);
        var terminal = await app.CreateTerminalAsync("T1", "Q1");
        var t0 = DateTimeOffset.UtcNow.AddHours(-2);
        var rating = TestApp.Rating(1, 1, t0.ToUnixTimeMilliseconds(), score: 4);
        var worker = app.Services.GetRequiredService<AttributionWorker>();
        using (var client = await app.ConnectAsync(terminal))
        {
            await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", rating));
        }
        worker.Drain();
        await InfluxTestSetup.DrainedAsync(app);
        var written = InfluxTestSetup.QueuedLines(app);

        // The terminal did not see the PUBACK and sends the same rating again, on a new connection.
        using (var again = await app.ConnectAsync(terminal))
        {
            await again.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", rating));
        }
        // and its counter-day is recomputed for other reasons (as after any late data)
        using (var c = app.Services.GetRequiredService<Database>().Open())
        {
            DirtyCounterDays.Mark(c, null, [new CounterDay("Q1", VietnamTime.DayOf(t0))], TestApp.NowMs);
        }
        worker.Drain();

        Assert.Single(await app.RatingsAsync());
        Assert.Empty(InfluxTestSetup.OutboxLines(app));
        Assert.Equal(written, InfluxTestSetup.QueuedLines(app));

        // A late shift moves the rating from no officer to CB-2: a new series, so the old point gets its tombstone.
        (await app.Client.PostAsJsonAsync("/api/v1/shifts", new { officerId = "CB-2", counterId = "Q1", start = t0.AddMinutes(-30), end = t0.AddMinutes(30) })).EnsureSuccessStatusCode();
        worker.Drain();
        await InfluxTestSetup.DrainedAsync(app);

        var points = await influx.RowsAsync("SELECT score, \"current\", officer_id FROM rating", InfluxTestSetup.Database);
        Assert.Equal([("CB-2", 1), ("none", 0)], points.Select(p => (p["officer_id"].GetString(), p["current"].GetInt32())).Order());
        var current = await influx.RowsAsync("SELECT COUNT(score) FROM rating WHERE \"current\" = 1", InfluxTestSetup.Database);
        Assert.Equal(1, current.Single()["count"].GetInt32());
        // The ward requires a service event, so the rating counts as flagged; the day's 'none' row is now all zeros.
        var days = await influx.RowsAsync("SELECT flagged, no_service FROM rating_daily GROUP BY officer_id", InfluxTestSetup.Database);
        Assert.Equal([("CB-2", 1, 1), ("none", 0, 0)], days.Select(p => (p["officer_id"].GetString(), p["flagged"].GetInt32(), p["no_service"].GetInt32())).Order());
    }
}
