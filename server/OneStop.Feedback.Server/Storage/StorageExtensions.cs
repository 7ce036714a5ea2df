using OneStop.Feedback.Server.Access;

namespace OneStop.Feedback.Server.Storage;

public static class StorageExtensions
{
    /// <summary>The relational store (SQLite in the data directory).</summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Storage:DataDirectory must not be empty")
            .Validate(o => o.Synchronous.ToLowerInvariant() is "full" or "normal", "Storage:Synchronous must be 'full' or 'normal'")
            .ValidateOnStart();
        builder.Services.AddSingleton<Database>();
        return builder;
    }

    /// <summary>Creates or migrates the schema and makes sure an admin token and an admin account exist, before anything is served.</summary>
    public static WebApplication InitializeStorage(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<Database>();
        using (var connection = database.Open())
        {
            var applied = Migrations.Apply(connection);
            if (applied > 0)
            {
                app.Logger.LogInformation("Database schema migrated by {Steps} step(s) to version {Version}", applied, Migrations.LatestVersion);
            }
        }
        app.Services.GetRequiredService<ApiTokenStore>().EnsureAdminToken();
        app.Services.GetRequiredService<UserStore>().EnsureAdmin();
        return app;
    }
}
