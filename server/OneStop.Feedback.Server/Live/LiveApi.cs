using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
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
            TypedResults.ServerSentEvents(Stream(feed.Subscribe(1000, ct), directory.Describe, "rating", ct)))
            .WithSummary("Server-sent events: 'ready' once subscribed, then 'rating' for each committed rating with its counter and unit.");
        group.MapGet("/alerts", (LiveFeed<AlertView> feed, LiveDirectory directory, CancellationToken ct) =>
            TypedResults.ServerSentEvents(Stream(feed.Subscribe(1000, ct), directory.Describe, "alert", ct)))
            .WithSummary("Server-sent events: 'ready' once subscribed, then 'alert' for each alert raised or cleared, with its unit's name.");
        return group;
    }

    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LiveDirectory>();
        return builder;
    }

    /// <summary>
    /// A first "ready" event, so the response starts at once (headers and all) and the page knows it is connected
    /// even when nothing happens for minutes; then each item described. The feed subscription is made before
    /// "ready" is sent, so nothing published after the page saw "ready" can be missed.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<object>> Stream<T, TEvent>(
        IAsyncEnumerable<T> items, Func<T, TEvent> describe, string eventType, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TEvent : notnull
    {
        await using var feed = items.GetAsyncEnumerator(cancellationToken);
        var next = feed.MoveNextAsync(); // runs the subscription synchronously, then waits for the first item
        yield return new SseItem<object>("subscribed", "ready");
        while (await next)
        {
            yield return new SseItem<object>(describe(feed.Current), eventType);
            next = feed.MoveNextAsync();
        }
    }
}
