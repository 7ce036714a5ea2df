using Microsoft.Extensions.Options;

namespace OneStop.Feedback.Server.TimeSeries;

/// <summary>Refuses to start with a time-series configuration that cannot work, saying which key to fix.</summary>
public sealed class TimeSeriesOptionsValidator : IValidateOptions<TimeSeriesOptions>
{
    public ValidateOptionsResult Validate(string? name, TimeSeriesOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
