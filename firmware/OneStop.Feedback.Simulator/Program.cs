using System.Net.Http.Headers;
using OneStop.Feedback.Simulator;

// onestop-sim: simulated button boxes running the firmware Core against a server (usage in SimulatorOptions).
SimulatorOptions options;
try
{
    options = SimulatorOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or UriFormatException)
{
    Console.Error.WriteLine("error: " + ex.Message);
    Console.Error.WriteLine(SimulatorOptions.Usage);
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
