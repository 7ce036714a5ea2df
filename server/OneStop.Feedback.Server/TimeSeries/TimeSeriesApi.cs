using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Feedback.Evaluation.Evaluation;
using OneStop.Feedback.Server.Evaluations;

namespace OneStop.Feedback.Server.TimeSeries;

/// <summary>The time-series outbox status, and the monthly evaluation computed from InfluxDB.</summary>
public static class TimeSeriesApi
{
    public static RouteGroupBuilder MapTimeSeries(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/timeseries").WithTags("Time series").RequireAuthorization(Access.AccessPolicies.Reader);
        group.MapGet("/status", (TimeSeriesWorker worker) => TypedResults.Ok(worker.Status())).RequireAuthorization(Access.AccessPolicies.Admin)
            .WithSummary("The InfluxDB outbox: state, lines waiting, deferred counter-days, refused lines, last error.");
        group.MapGet("/evaluation", Evaluation)
            .WithSummary("The monthly evaluation (month = YYYY-MM) with the ratings read from InfluxDB's rating_daily points.");
        return group;
    }

    private static async Task<Results<Ok<MonthlyReport>, ValidationProblem, ProblemHttpResult>> Evaluation(
        InfluxEvaluation evaluation, TimeSeriesOutbox outbox, string? month, CancellationToken cancellationToken)
    {
        if (!outbox.Enabled)
        {
            return TypedResults.Problem("The time-series store is off (Storage:TimeSeries=none).", statusCode: StatusCodes.Status409Conflict);
        }
        if (!EvaluationQueries.TryParseMonth(month, out var m))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["month"] = ["required, as YYYY-MM (e.g. 2026-11)"] });
        }
        try
        {
            return TypedResults.Ok(await evaluation.ReportAsync(m, cancellationToken));
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem("InfluxDB could not answer: " + ex.Message, statusCode: StatusCodes.Status502BadGateway);
        }
    }
}
