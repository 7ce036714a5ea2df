using OneStop.Feedback.Server.Access;

namespace OneStop.Feedback.Server.Storage;

public static class StorageExtensions
{
    /// <summary>The relational store: SQLite in the data directory, or PostgreSQL (<c>Storage:Relational=postgres</c>).</summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Storage:DataDirectory must not be empty")
            .Validate(o => o.Synchronous.ToLowerInvariant() is "full" or "normal", "Storage:Synchronous must be 'full' or 'normal'")
            .Configure<IConfiguration>((o, configuration) => o.PostgresConnectionString ??= configuration.GetConnectionString("Postgres"))
            .Validate(o => o.Relational.ToLowerInvariant() is "sqlite" or "postgres", "Storage:Relational must be 'sqlite' or 'postgres'")
            .Validate(o => !o.IsPostgres || !string.IsNullOrWhiteSpace(o.PostgresConnectionString),
                "Storage:Relational=postgres needs ConnectionStrings:Postgres (e.g. Host=127.0.0.1;Port=5432;Database=onestop;Username=onestop;Password=...)")
            .ValidateOnStart();
        builder.Services.AddSingleton<Database>();
        return builder;
    }

    /// <summary>Creates or migrates the schema and makes sure an admin token and an admin account exist, before anything is served.</summary>
    public static WebApplication InitializeStorage(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<Database>();
        var applied = Migrations.Apply(database);
        if (applied > 0)
        {
            app.Logger.LogInformation("Database schema ({Engine}) migrated by {Steps} step(s) to version {Version}", database.Dialect.Name, applied, Migrations.LatestVersion);
        }
        app.Services.GetRequiredService<ApiTokenStore>().EnsureAdminToken();
        app.Services.GetRequiredService<UserStore>().EnsureAdmin();
        return app;
    }
}
