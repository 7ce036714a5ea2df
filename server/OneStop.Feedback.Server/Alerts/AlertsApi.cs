using OneStop.Feedback.Server.Live;

namespace OneStop.Feedback.Server.Alerts;

/// <summary>Alerts (stored, and pushed as server-sent events) and the live stream of committed ratings.</summary>
public static class AlertsApi
{
    public static RouteGroupBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Alerts").RequireAuthorization();
        group.MapGet("/alerts", (AlertStore store, bool? active, string? unit, int limit = 100) => TypedResults.Ok(store.List(active, unit, Math.Clamp(limit, 1, 10_000))))
            .WithSummary("Alerts newest first; active=true for those not cleared.");
        group.MapGet("/alerts/stream", (LiveFeed<AlertView> feed, CancellationToken ct) => TypedResults.ServerSentEvents(feed.Subscribe(1000, ct), "alert"))
            .WithSummary("Server-sent events: each alert as it is raised or cleared.");
        group.MapGet("/ratings/stream", (LiveFeed<LiveRating> feed, CancellationToken ct) => TypedResults.ServerSentEvents(feed.Subscribe(1000, ct), "rating"))
            .WithSummary("Server-sent events: each rating as it is committed.");
        return group;
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
