using Microsoft.Extensions.DependencyInjection;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Tests.Support;
using OneStop.Feedback.Server.TimeSeries;

namespace OneStop.Feedback.Server.Tests.TimeSeries;

/// <summary>Settings and waits shared by the InfluxDB tests.</summary>
public static class InfluxTestSetup
{
    public const string Database = "onestop";

    public static Dictionary<string, string?> Settings(InfluxServer influx, int? outboxCapacity = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:TimeSeries"] = "influxdb",
            ["InfluxDb:Url"] = influx.Url,
            ["InfluxDb:Database"] = Database,
            ["InfluxDb:CreateDatabase"] = "true",
            ["InfluxDb:MaxRetrySeconds"] = "1",
            ["InfluxDb:TimeoutSeconds"] = "5",
        };
        if (outboxCapacity is not null)
        {
            settings["InfluxDb:OutboxCapacity"] = outboxCapacity.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return settings;
    }

    public static TimeSeriesStatus Status(TestApp app) => app.Services.GetRequiredService<TimeSeriesWorker>().Status();

    /// <summary>Waits until the outbox is empty and nothing is deferred.</summary>
    public static Task<TimeSeriesStatus> DrainedAsync(TestApp app, TimeSpan? timeout = null) =>
        Poll.UntilAsync(() => Task.FromResult(Status(app)), s => s.Pending == 0 && s.DeferredCounterDays == 0 && s.State == "ok",
            timeout ?? TimeSpan.FromSeconds(60), "the time-series outbox to drain");

    /// <summary>The last line queued for each point (from the relational store), by point key.</summary>
    public static Dictionary<string, string> QueuedLines(TestApp app)
    {
        using var c = app.Services.GetRequiredService<Database>().Open();
        return c.Query("SELECT point_key, line FROM timeseries_points", r => (r.GetString(0), r.GetString(1))).ToDictionary(p => p.Item1, p => p.Item2);
    }

    /// <summary>Every line ever queued is kept here by the tests that need it: the outbox rows still waiting.</summary>
    public static List<string> OutboxLines(TestApp app)
    {
        using var c = app.Services.GetRequiredService<Database>().Open();
        return c.Query("SELECT line FROM timeseries_outbox ORDER BY id", r => r.GetString(0));
    }
}
