using System.Globalization;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Firmware.Core.Host;
using OneStop.Feedback.Firmware.Core.Outbox;
using OneStop.Feedback.Server.Mqtt;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Terminals;
using OneStop.Feedback.Simulation;

namespace OneStop.Feedback.Server.Demo;

/// <summary>
/// Demo mode: provisions a small office (counters Q01…Q06 with a terminal each) and runs simulated terminals
/// on the embedded broker. They are the firmware's own Core in <see cref="SimulatedTerminal"/> (flash outbox
/// in a folder, PUBACK-driven dispatch, retained status, last will, config and window topics), pressed by
/// random citizens at a human pace, so a newcomer sees data flowing through the whole pipeline.
/// </summary>
public sealed partial class DemoWorker(
    IOptions<DemoOptions> options,
    IOptions<StorageOptions> storage,
    TerminalRegistry registry,
    EmbeddedBroker broker,
    TimeProvider time,
    ILogger<DemoWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        // Outboxes live with the data: the boot counters must survive a restart of the demo.
        var folder = Path.Combine(storage.Value.ResolvedDataDirectory, "demo-terminals");
        var terminals = new List<SimulatedTerminal>();
        for (var i = 1; i <= o.Counters; i++)
        {
            var counter = "Q" + i.ToString("00", CultureInfo.InvariantCulture);
            var id = "demo-" + counter.ToLowerInvariant();
            // Only hashes are stored, so a restarted demo gives its terminals fresh secrets.
            var credentials = registry.Create(id, counter, $"Quầy {i}") ?? registry.RotateSecret(id)!;
            var outboxFolder = Path.Combine(folder, id);
            StartBootsAboveTheSeededHistory(outboxFolder);
            var terminal = new SimulatedTerminalOptions
            {
                TerminalId = credentials.Id,
                Secret = credentials.Secret,
                BrokerPort = broker.Port,
                DataDirectory = outboxFolder,
                FirmwareVersion = "demo",
            };
            terminals.Add(new SimulatedTerminal(terminal, new RandomCitizen(1 / Math.Max(o.MeanIntervalSeconds, 1), i)));
        }
        LogSeeded(logger, terminals.Count, broker.Port);
        await Task.WhenAll(terminals.Select(t => t.RunAsync(stoppingToken)));
        LogStopped(logger, string.Join("; ", terminals));
    }

    /// <summary>
    /// The seeded demo office already holds ratings of these terminals under boot 1. A fresh outbox folder
    /// would start at boot 1 too and collide with them (conflicting duplicates), so its boot counter starts at
    /// the current unix second, as the demo terminals did before they ran the firmware Core.
    /// </summary>
    private void StartBootsAboveTheSeededHistory(string outboxFolder)
    {
        var store = new DirectoryFileStore(outboxFolder);
        if (!store.Exists(BootCounter.FileName))
        {
            BootCounter.Increment(store, (uint)(time.GetUtcNow().ToUnixTimeSeconds() & uint.MaxValue));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: {Count} simulated terminals pressing ratings through the embedded broker on port {Port}")]
    private static partial void LogSeeded(ILogger logger, int count, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo stopped: {Terminals}")]
    private static partial void LogStopped(ILogger logger, string terminals);
}
