using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Feedback.Dashboard.Access;
using OneStop.Feedback.Server.Alerts;

namespace OneStop.Feedback.Server.Live;

/// <summary>
/// Data of the dashboard's live page: terminals with their online status, and server-sent events of ratings and
/// alerts carrying counter and unit names. <c>/api/v1/ratings/stream</c> and <c>/api/v1/alerts/stream</c> stay the
/// raw feeds for scripts. Everything is limited to the caller's scope (a unit head sees their subtree's counters);
/// an officer has no live view (403).
/// </summary>
public static class LiveApi
{
    public static RouteGroupBuilder MapLive(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/live").WithTags("Live").RequireAuthorization();
        group.MapGet("/terminals", Terminals).WithSummary("Terminals with counter, unit and online status, for the live page.");
        group.MapGet("/ratings", Ratings)
            .WithSummary("Server-sent events: 'ready' once subscribed, then 'rating' for each committed rating with its counter and unit.");
        group.MapGet("/alerts", Alerts)
            .WithSummary("Server-sent events: 'ready' once subscribed, then 'alert' for each alert raised or cleared, with its unit's name.");
        return group;
    }

    private static Results<Ok<List<LiveTerminal>>, ForbidHttpResult> Terminals(LiveDirectory directory, HttpContext context, AccessScopes scopes)
    {
        var scope = scopes.For(context);
        return scope.SeesUnits ? TypedResults.Ok(directory.Terminals().Where(t => Sees(scope, t.UnitId)).ToList()) : TypedResults.Forbid();
    }

    private static Results<ServerSentEventsResult<object>, ForbidHttpResult> Ratings(
        LiveFeed<LiveRating> feed, LiveDirectory directory, HttpContext context, AccessScopes scopes, CancellationToken ct)
    {
        // The scope is taken once, when the page connects; a changed account is seen at the next reconnect.
        var scope = scopes.For(context);
        return scope.SeesUnits
            ? TypedResults.ServerSentEvents(Stream(feed.Subscribe(1000, ct), directory.Describe, e => Sees(scope, e.UnitId), "rating", ct))
            : TypedResults.Forbid();
    }

    private static Results<ServerSentEventsResult<object>, ForbidHttpResult> Alerts(
        LiveFeed<AlertView> feed, LiveDirectory directory, HttpContext context, AccessScopes scopes, CancellationToken ct)
    {
        var scope = scopes.For(context);
        return scope.SeesUnits
            ? TypedResults.ServerSentEvents(Stream(feed.Subscribe(1000, ct), directory.Describe, e => Sees(scope, e.UnitId), "alert", ct))
            : TypedResults.Forbid();
    }

    /// <summary>A terminal not placed at a known counter belongs to no unit: only the whole-organisation roles see it.</summary>
    private static bool Sees(AccessScope scope, string? unitId) => unitId is null ? scope.SeesAll : scope.SeesUnit(unitId);

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
        IAsyncEnumerable<T> items, Func<T, TEvent> describe, Func<TEvent, bool> visible, string eventType, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TEvent : notnull
    {
        await using var feed = items.GetAsyncEnumerator(cancellationToken);
        var next = feed.MoveNextAsync(); // runs the subscription synchronously, then waits for the first item
        yield return new SseItem<object>("subscribed", "ready");
        while (await next)
        {
            var item = describe(feed.Current);
            if (visible(item))
            {
                yield return new SseItem<object>(item, eventType);
            }
            next = feed.MoveNextAsync();
        }
    }
}
