using System.Net.Http.Headers;

namespace OneStop.Feedback.Simulator;

/// <summary>
/// onestop-sim: simulated button boxes running the firmware Core against a server (usage in
/// <see cref="SimulatorOptions.Usage"/>). A namespaced Main rather than top-level statements, so tests can
/// reference this assembly and the server's global Program side by side.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        SimulatorOptions options;
        try
        {
            options = SimulatorOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or UriFormatException)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message);
            await Console.Error.WriteLineAsync(SimulatorOptions.Usage);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var api = options.Server is null ? null : new HttpClient { BaseAddress = options.Server };
        api?.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiToken);
        return await SimulatorRun.RunAsync(options, api, Console.Out, stop.Token);
    }
}
