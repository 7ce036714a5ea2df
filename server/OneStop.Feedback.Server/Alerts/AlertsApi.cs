using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Feedback.Dashboard.Access;
using OneStop.Feedback.Server.Live;
using OneStop.Feedback.Server.Organisation;
using OneStop.Feedback.Server.Terminals;

namespace OneStop.Feedback.Server.Alerts;

/// <summary>
/// Alerts (stored, and pushed as server-sent events) and the live stream of committed ratings, for everyone who
/// sees units (not officers), narrowed to the caller's units: a unit head sees only their subtree's alerts and
/// the ratings of terminals standing at its counters.
/// </summary>
public static class AlertsApi
{
    public static RouteGroupBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Alerts").RequireAuthorization();
        group.MapGet("/alerts", List).WithSummary("Alerts newest first; active=true for those not cleared.");
        group.MapGet("/alerts/stream", AlertStream).WithSummary("Server-sent events: each alert as it is raised or cleared.");
        group.MapGet("/ratings/stream", RatingStream).WithSummary("Server-sent events: each rating as it is committed.");
        return group;
    }

    private static Results<Ok<List<AlertView>>, ForbidHttpResult> List(AlertStore store, bool? active, string? unit, HttpContext context, AccessScopes scopes, int limit = 100)
    {
        var scope = scopes.For(context);
        if (!scope.SeesUnits || (unit is not null && !scope.SeesUnit(unit)))
        {
            return TypedResults.Forbid();
        }
        return TypedResults.Ok(store.List(active, unit, Math.Clamp(limit, 1, 10_000)).Where(a => scope.SeesUnit(a.UnitId)).ToList());
    }

    private static IResult AlertStream(LiveFeed<AlertView> feed, HttpContext context, AccessScopes scopes, CancellationToken ct)
    {
        var scope = scopes.For(context);
        return scope.SeesUnits ? TypedResults.ServerSentEvents(Where(feed.Subscribe(1000, ct), a => scope.SeesUnit(a.UnitId), ct), "alert") : TypedResults.Forbid();
    }

    private static IResult RatingStream(LiveFeed<LiveRating> feed, HttpContext context, AccessScopes scopes, TerminalRegistry terminals, OrganisationStore organisation, CancellationToken ct)
    {
        var scope = scopes.For(context);
        if (!scope.SeesUnits)
        {
            return TypedResults.Forbid();
        }
        if (scope.SeesAll)
        {
            return TypedResults.ServerSentEvents(feed.Subscribe(1000, ct), "rating");
        }
        // Terminals at the scope's counters when the stream opens (a terminal moved later is not followed).
        var counters = organisation.Counters().Where(c => scope.SeesUnit(c.UnitId)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var visible = terminals.List().Where(t => t.CounterId is not null && counters.Contains(t.CounterId)).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        return TypedResults.ServerSentEvents(Where(feed.Subscribe(1000, ct), r => visible.Contains(r.Terminal), ct), "rating");
    }

    private static async IAsyncEnumerable<T> Where<T>(IAsyncEnumerable<T> source, Func<T, bool> keep, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var item in source.WithCancellation(ct))
        {
            if (keep(item))
            {
                yield return item;
            }
        }
    }

    public static WebApplicationBuilder AddAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.Section)
            .Validate(o => o.WindowMinutes is >= 1 and <= 1440 && o.MinRatings >= 1 && o.LowShare is > 0 and <= 1 && o.LowestLevels is >= 1 and <= 4,
                "Alerts: WindowMinutes 1..1440, MinRatings ≥ 1, LowShare in (0, 1], LowestLevels 1..4")
            .ValidateOnStart();
        builder.Services.AddHttpClient("alerts");
        builder.Services.AddSingleton<LiveFeed<AlertView>>();
        builder.Services.AddSingleton<AlertStore>();
        builder.Services.AddHostedService<AlertWorker>();
        return builder;
    }
}
