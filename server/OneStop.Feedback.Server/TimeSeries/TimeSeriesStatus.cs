namespace OneStop.Feedback.Server.TimeSeries;

/// <summary>What <c>/healthz</c> and <c>GET /api/v1/timeseries/status</c> show about the time-series outbox.</summary>
/// <param name="State"><c>off</c>, <c>ok</c>, or <c>failing</c> (InfluxDB unreachable or refusing; lines wait in the outbox).</param>
/// <param name="Pending">Lines waiting in the outbox.</param>
/// <param name="DeferredCounterDays">Counter-days waiting because the outbox was full; queued once it drains below half.</param>
/// <param name="Rejected">Lines InfluxDB refused as malformed (kept in <c>timeseries_rejected</c>).</param>
public sealed record TimeSeriesStatus(
    string Mode,
    string State,
    long Pending,
    int Capacity,
    long DeferredCounterDays,
    long Rejected,
    long WrittenSinceStart,
    DateTimeOffset? LastWriteAt,
    DateTimeOffset? FailingSince,
    string? LastError);
