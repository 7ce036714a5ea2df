using Microsoft.AspNetCore.Http.HttpResults;

namespace OneStop.Feedback.Server.Ratings;

/// <summary>Read endpoints for stored ratings and ingest rejections.</summary>
public static class RatingsApi
{
    public static RouteGroupBuilder MapRatings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Ratings");
        group.MapGet("/ratings", List).RequireAuthorization(Access.AccessPolicies.Reader)
            .WithSummary("Stored ratings, newest first; filter by terminal and a [from, to) time range.");
        group.MapGet("/ingest/rejections", Rejections).RequireAuthorization(Access.AccessPolicies.Admin).WithSummary("Rejected terminal messages with reason code and raw payload (truncated to 1 KiB).");
        return group;
    }

    private static Results<Ok<IReadOnlyList<RatingView>>, ValidationProblem> List(
        RatingQueries queries, string? terminal = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int limit = 100)
    {
        if (limit is < 1 or > RatingQueries.MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be 1..{RatingQueries.MaxLimit}"] });
        }
        return TypedResults.Ok(queries.List(terminal, from, to, limit));
    }

    private static Results<Ok<IReadOnlyList<RejectionView>>, ValidationProblem> Rejections(
        RatingQueries queries, string? terminal = null, string? reason = null, int limit = 100)
    {
        if (limit is < 1 or > RatingQueries.MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be 1..{RatingQueries.MaxLimit}"] });
        }
        return TypedResults.Ok(queries.Rejections(terminal, reason, limit));
    }
}
