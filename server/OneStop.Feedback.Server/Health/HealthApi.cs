using OneStop.Feedback.Server.Ingest;
using OneStop.Feedback.Server.Mqtt;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.TimeSeries;

namespace OneStop.Feedback.Server.Health;

/// <summary><c>GET /healthz</c>: unauthenticated liveness and readiness for load balancers and operators.</summary>
public static class HealthApi
{
    public static IEndpointConventionBuilder MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", Check).WithTags("Health").AllowAnonymous().WithSummary("Liveness, storage readiness and the broker connection.");

    private static IResult Check(Database database, IngestWriterWorker writer, IngestPipeline queue, IBrokerControl broker, TimeSeriesWorker timeSeries)
    {
        string storage;
        try
        {
            using var connection = database.Open();
            connection.Scalar("SELECT 1");
            storage = writer.LastError is null ? "ok" : "failing: " + writer.LastError;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException)
        {
            storage = "failing: " + ex.Message;
        }
        // Without its broker connection (external mode) the server takes no ratings, so it is not healthy.
        var mqtt = broker.Status;
        var healthy = storage == "ok" && mqtt.Connected;
        // InfluxDB is optional and fed through an outbox: its outage shows here but does not make the server unhealthy.
        var body = new { status = healthy ? "ok" : "degraded", storage, ingestPending = queue.Pending, mqtt, timeSeries = timeSeries.Status() };
        return healthy ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
