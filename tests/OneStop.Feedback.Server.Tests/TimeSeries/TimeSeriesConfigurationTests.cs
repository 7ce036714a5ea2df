using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Tests.ReferenceData;
using OneStop.Feedback.Server.Tests.Support;
using OneStop.Feedback.Server.TimeSeries;

namespace OneStop.Feedback.Server.Tests.TimeSeries;

/// <summary>Bad time-series settings stop the server with the key to fix; a missing database shows in the status.</summary>
public class TimeSeriesConfigurationTests
{
    [Theory]
    [InlineData("influx", null, null, null, "Storage:TimeSeries is 'influx'; it must be 'none' or 'influxdb'")]
    [InlineData("influxdb", null, "db", null, "InfluxDb:Url must be an absolute http(s) address")]
    [InlineData("influxdb", "ftp://127.0.0.1", "db", null, "InfluxDb:Url must be an absolute http(s) address")]
    [InlineData("influxdb", "http://127.0.0.1:8086", "", null, "InfluxDb:Database is required")]
    [InlineData("influxdb", "http://127.0.0.1:8086", "db", "u", "InfluxDb:Password is required with InfluxDb:Username")]
    public void BadSettingsAreRefusedNamingTheKey(string mode, string? url, string? database, string? user, string expected)
    {
        var result = new TimeSeriesOptionsValidator().Validate(null, new TimeSeriesOptions { Mode = mode, Url = url, Database = database, Username = user });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void TokenAndUserTogetherAreRefusedAndNoneNeedsNothing()
    {
        var both = new TimeSeriesOptionsValidator().Validate(null, new TimeSeriesOptions
        {
            Mode = "InfluxDB",
            Url = "http://127.0.0.1:8086",
            Database = "db",
            Token = "t",
            Username = "u",
            Password = "p",
        });
        var none = new TimeSeriesOptionsValidator().Validate(null, new TimeSeriesOptions());

        Assert.Contains(both.Failures!, f => f.StartsWith("InfluxDb:Token and InfluxDb:Username are exclusive", StringComparison.Ordinal));
        Assert.True(none.Succeeded);
    }

    [Fact]
    public void ServerDoesNotStartWithAnIncompleteInfluxConfiguration()
    {
        var error = Assert.ThrowsAny<OptionsValidationException>(() => new TestApp(new Dictionary<string, string?> { ["Storage:TimeSeries"] = "influxdb" }));

        Assert.Contains("InfluxDb:Url must be an absolute", error.Message, StringComparison.Ordinal);
        Assert.Contains("InfluxDb:Database is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingDatabaseIsReportedWithHowToCreateItWhileIngestGoesOn()
    {
        await using var influx = await InfluxServer.StartAsync();
        var settings = InfluxTestSetup.Settings(influx);
        settings["InfluxDb:CreateDatabase"] = "false";
        await using var app = new TestApp(settings);
        await ReferenceDataTests.SeedOfficeAsync(app);
        var terminal = await app.CreateTerminalAsync("T1", "Q1");
        using var client = await app.ConnectAsync(terminal);
        await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, 1, TestApp.NowMs - 60_000)));
        app.Services.GetRequiredService<AttributionWorker>().Drain();

        var status = await Poll.UntilAsync(() => Task.FromResult(InfluxTestSetup.Status(app)), s => s.State == "failing",
            TimeSpan.FromSeconds(30), "the outbox worker to report the missing database");

        Assert.Single(await app.RatingsAsync());
        Assert.True(status.Pending > 0);
        Assert.Contains("database not found", status.LastError, StringComparison.Ordinal);
        Assert.Contains("create the database 'onestop'", status.LastError, StringComparison.Ordinal);
    }
}
