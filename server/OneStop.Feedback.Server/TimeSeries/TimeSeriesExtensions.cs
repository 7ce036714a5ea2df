using Microsoft.Extensions.Options;

namespace OneStop.Feedback.Server.TimeSeries;

public static class TimeSeriesExtensions
{
    /// <summary>
    /// The optional time-series store (<c>Storage:TimeSeries</c> = <c>none</c> | <c>influxdb</c>, section <c>InfluxDb</c>):
    /// the outbox filled by the attribution worker, the worker draining it, the InfluxDB evaluation.
    /// </summary>
    public static WebApplicationBuilder AddTimeSeries(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TimeSeriesOptions>().BindConfiguration(TimeSeriesOptions.Section)
            .Configure<IConfiguration>((o, configuration) => o.Mode = configuration[TimeSeriesOptions.ModeKey] ?? "none")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TimeSeriesOptions>, TimeSeriesOptionsValidator>();
        builder.Services.AddSingleton<TimeSeriesOutbox>();
        builder.Services.AddSingleton<InfluxHttp>();
        builder.Services.AddSingleton<InfluxEvaluation>();
        builder.Services.AddSingleton<TimeSeriesWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TimeSeriesWorker>());
        return builder;
    }
}
