using OneStop.Feedback.Server.Alerts;

namespace OneStop.Feedback.Server.Live;

/// <summary>
/// Data of the dashboard's live page: terminals with their online status, and server-sent events of ratings and
/// alerts carrying counter and unit names. <c>/api/v1/ratings/stream</c> and <c>/api/v1/alerts/stream</c> stay the
/// raw feeds for scripts.
/// </summary>
public static class LiveApi
{
    public static RouteGroupBuilder MapLive(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/live").WithTags("Live").RequireAuthorization();
        group.MapGet("/terminals", (LiveDirectory directory) => TypedResults.Ok(directory.Terminals()))
            .WithSummary("Terminals with counter, unit and online status, for the live page.");
        group.MapGet("/ratings", (LiveFeed<LiveRating> feed, LiveDirectory directory, CancellationToken ct) =>
            TypedResults.ServerSentEvents(feed.Subscribe(1000, ct).Select(directory.Describe), "rating"))
            .WithSummary("Server-sent events: each committed rating with its counter and unit.");
        group.MapGet("/alerts", (LiveFeed<AlertView> feed, LiveDirectory directory, CancellationToken ct) =>
            TypedResults.ServerSentEvents(feed.Subscribe(1000, ct).Select(directory.Describe), "alert"))
            .WithSummary("Server-sent events: each alert raised or cleared, with its unit's name.");
        return group;
    }

    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LiveDirectory>();
        return builder;
    }
}
