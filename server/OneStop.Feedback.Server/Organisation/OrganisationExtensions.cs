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
        return builder;
    }
}
