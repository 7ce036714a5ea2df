using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Demo;
using OneStop.Feedback.Server.Evaluations;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Tests.Support;
using OneStop.Feedback.Server.TimeSeries;

namespace OneStop.Feedback.Server.Tests.TimeSeries;

/// <summary>The evaluation read from InfluxDB's daily points equals the one from the relational store.</summary>
public class InfluxEvaluationTests
{
    [Fact]
    public async Task DemoOfficeThroughAFullOutboxGivesTheSameReportFromInfluxAsFromTheRelationalStore()
    {
        await using var influx = await InfluxServer.StartAsync();
        await influx.StopAsync(); // down while the history is attributed, so the small outbox fills up
        await using var app = new TestApp(InfluxTestSetup.Settings(influx, outboxCapacity: 1000));
        DemoOffice.Seed(app.Services);
        app.Services.GetRequiredService<AttributionWorker>().Drain();

        var full = await Poll.UntilAsync(() => Task.FromResult(InfluxTestSetup.Status(app)), s => s.State == "failing",
            TimeSpan.FromSeconds(30), "the outbox worker to notice InfluxDB is down");
        Assert.InRange(full.Pending, 1000, 1500); // the capacity, plus at most the lines of the one counter-day that crossed it
        Assert.True(full.DeferredCounterDays > 10, $"deferred {full.DeferredCounterDays}");

        await influx.StartAsync();
        await InfluxTestSetup.DrainedAsync(app, TimeSpan.FromSeconds(180));

        long attributed;
        using (var c = app.Services.GetRequiredService<Database>().Open())
        {
            attributed = (long)c.Scalar("SELECT count(*) FROM rating_attributions")!;
        }
        var current = await influx.RowsAsync("SELECT COUNT(score) FROM rating WHERE \"current\" = 1", InfluxTestSetup.Database);
        Assert.Equal(attributed, current.Single()["count"].GetInt64());

        var relational = app.Services.GetRequiredService<EvaluationQueries>();
        var fromInflux = app.Services.GetRequiredService<InfluxEvaluation>();
        var today = VietnamTime.DayOf(DateTimeOffset.UtcNow);
        foreach (var day in new[] { today.AddMonths(-1), today })
        {
            var month = new Month(day.Year, day.Month);
            var expected = relational.Report(month);
            var actual = await fromInflux.ReportAsync(month, CancellationToken.None);
            Assert.True(expected.Units.Sum(u => u.Ratings) > 0 || day == today, $"{month} has no ratings");
            Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
        }

        // Every query of the Grafana dashboard runs on this schema and finds data (Grafana's macros filled in by hand).
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "deploy", "grafana", "onestop-feedback.json")));
        foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
        {
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                var query = target.GetProperty("query").GetString()!.Replace("$timeFilter", "time > now() - 120d", StringComparison.Ordinal)
                    .Replace("/^$unit$/", "/^.*$/", StringComparison.Ordinal);
                var rows = await influx.RowsAsync(query, InfluxTestSetup.Database);
                Assert.True(rows.Count > 0, $"panel '{panel.GetProperty("title").GetString()}' found nothing: {query}");
            }
        }
    }
}
