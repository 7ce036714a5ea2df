using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Dossiers;
using OneStop.Feedback.Server.Shifts;

namespace OneStop.Feedback.Server.Organisation;

public static class OrganisationExtensions
{
    /// <summary>Reference data for attribution: units, counters, officers, shifts, service events, dossiers.</summary>
    public static WebApplicationBuilder AddReferenceData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OrganisationStore>();
        builder.Services.AddSingleton<OrganisationValidator>();
        builder.Services.AddSingleton<ShiftStore>();
        builder.Services.AddSingleton<ServiceEventStore>();
        builder.Services.AddSingleton<ServiceEventValidator>();
        builder.Services.AddOptions<AttributionOptions>().BindConfiguration("Attribution")
            .Validate(o => o.MinIntervalSeconds is >= 0 and <= 3600, "Attribution:MinIntervalSeconds must be 0..3600")
            .Validate(o => o.WindowMinutes is >= 1 and <= 1440, "Attribution:WindowMinutes must be 1..1440")
            .ValidateOnStart();
        builder.Services.AddSingleton<AttributionWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AttributionWorker>());
        return builder;
    }
}
