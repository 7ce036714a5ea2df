using OneStop.Feedback.Server.Ratings;

namespace OneStop.Feedback.Server.Terminals;

public static class TerminalsExtensions
{
    /// <summary>Terminal registry and the read side of ratings.</summary>
    public static WebApplicationBuilder AddTerminals(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TerminalRegistry>();
        builder.Services.AddSingleton<RatingQueries>();
        return builder;
    }
}
