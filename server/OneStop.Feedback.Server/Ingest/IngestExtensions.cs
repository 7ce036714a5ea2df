namespace OneStop.Feedback.Server.Ingest;

public static class IngestExtensions
{
    /// <summary>The ingest pipeline: queue, single group-commit writer, message handler.</summary>
    public static WebApplicationBuilder AddIngest(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IngestPipeline>();
        builder.Services.AddSingleton<Live.LiveFeed<Live.LiveRating>>();
        builder.Services.AddSingleton<RejectionLog>();
        builder.Services.AddSingleton<TerminalMessageHandler>();
        // Registered before the broker: hosted services stop in reverse order, so the broker stops taking
        // publishes before the writer stops committing them.
        builder.Services.AddSingleton<IngestWriterWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IngestWriterWorker>());
        return builder;
    }
}
