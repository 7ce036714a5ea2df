using OneStop.Feedback.Server.Mqtt;

namespace OneStop.Feedback.Server.Demo;

public static class DemoExtensions
{
    public const string Flag = "--demo";

    /// <summary>Removes the value-less <c>--demo</c> switch, which the command-line configuration provider cannot take.</summary>
    public static string[] StripDemoFlag(string[] args, out bool demo)
    {
        demo = args.Contains(Flag, StringComparer.Ordinal);
        return demo ? args.Where(a => a != Flag).ToArray() : args;
    }

    /// <summary>With the demo on, seeds the demo office, its history and its accounts once (before the terminals start).</summary>
    public static WebApplication SeedDemoOffice(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value.Enabled)
        {
            var ratings = DemoOffice.Seed(app.Services);
            if (ratings > 0)
            {
                app.Logger.LogInformation("Demo: seeded an office with {Ratings} ratings of history; the attribution worker evaluates them now", ratings);
            }
            if (DemoAccounts.Seed(app.Services.GetRequiredService<Access.UserStore>()) > 0)
            {
                app.Logger.LogInformation("Demo: created one dashboard account per role (user names and passwords in the README's demo section)");
            }
        }
        return app;
    }

    /// <summary>With <c>--demo</c> (or <c>Demo:Enabled=true</c>): seed a small office and run simulated terminals.</summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder, bool demoFlag)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section)
            .PostConfigure(o => o.Enabled |= demoFlag);
        if (demoFlag || builder.Configuration.GetValue<bool>("Demo:Enabled"))
        {
            if (MqttExtensions.ReadMode(builder.Configuration) == MqttMode.External)
            {
                // The simulated terminals need credentials the broker knows, which only the embedded broker has at once.
                throw new InvalidOperationException("--demo runs simulated terminals against the embedded broker; it cannot be combined with Mqtt:Mode=external");
            }
            builder.Services.AddHostedService<DemoWorker>();
        }
        return builder;
    }
}
