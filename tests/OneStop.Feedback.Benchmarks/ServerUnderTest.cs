using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace OneStop.Feedback.Benchmarks;

/// <summary>The real server executable on a temporary data folder, with terminals provisioned through its API.</summary>
public sealed class ServerUnderTest : IDisposable
{
    private const string Token = "bench-admin-token-0123456789abcdef";
    private readonly bool _ownsData;

    private ServerUnderTest(ChildProcess process, int httpPort, int mqttPort, string dataDirectory, bool ownsData)
    {
        _ownsData = ownsData;
        Process = process;
        DataDirectory = dataDirectory;
        MqttPort = mqttPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public ChildProcess Process { get; }

    public int MqttPort { get; }

    public HttpClient Http { get; }

    /// <summary>Starts the server on a fresh temporary data folder, deleted at the end.</summary>
    public static Task<ServerUnderTest> StartAsync(params string[] extra) =>
        StartAsync(Directory.CreateTempSubdirectory("osf-bench-").FullName, ownsData: true, extra);

    /// <summary>Starts another build of the server (e.g. a baseline to compare with) on a fresh temporary data folder.</summary>
    public static Task<ServerUnderTest> StartBuildAsync(string serverDll, params string[] extra) =>
        StartAsync(Directory.CreateTempSubdirectory("osf-bench-").FullName, ownsData: true, extra, serverDll);

    /// <summary>Starts the server on an existing data folder, which is kept.</summary>
    public static Task<ServerUnderTest> StartOnAsync(string dataDirectory, params string[] extra) => StartAsync(dataDirectory, ownsData: false, extra);

    /// <summary>Starts another build of the server (a baseline to compare with) on an existing data folder, which is kept.</summary>
    public static Task<ServerUnderTest> StartBuildOnAsync(string serverDll, string dataDirectory, params string[] extra) =>
        StartAsync(dataDirectory, ownsData: false, extra, serverDll);

    private static async Task<ServerUnderTest> StartAsync(string data, bool ownsData, string[] extra, string? serverDll = null)
    {
        var httpPort = ChildProcess.FreePort();
        var mqttPort = ChildProcess.FreePort();
        var process = ChildProcess.StartDotnet(serverDll ?? RepoLocator.ServerDll,
            ["--urls", $"http://127.0.0.1:{httpPort}", "--Mqtt:Port", mqttPort.ToString(CultureInfo.InvariantCulture),
             "--Storage:DataDirectory", data, "--Admin:ApiToken", Token, "--Logging:LogLevel:Default", "Warning", .. extra]);
        var server = new ServerUnderTest(process, httpPort, mqttPort, data, ownsData);
        try
        {
            await process.WaitForPortAsync(httpPort, TimeSpan.FromSeconds(60));
            if (!extra.Contains("external", StringComparer.Ordinal))
            {
                await process.WaitForPortAsync(mqttPort, TimeSpan.FromSeconds(60)); // external mode: the server has no MQTT listener
            }
            return server;
        }
        catch
        {
            server.Dispose(); // never leave a server process behind
            throw;
        }
    }

    public string DataDirectory { get; }

    public async Task<List<(string Id, string Secret)>> ProvisionAsync(int count, string prefix)
    {
        var list = new List<(string, string)>();
        for (var i = 1; i <= count; i++)
        {
            var id = $"{prefix}{i:0000}";
            var response = await Http.PostAsJsonAsync("/api/v1/terminals", new { id, counterId = $"C{i:0000}", name = id });
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<Credentials>();
            list.Add((id, body!.Secret));
        }
        return list;
    }

    /// <summary>Counts stored ratings straight from the database file (read-only).</summary>
    public long StoredRatings()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "onestop.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM ratings";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Waits until the attribution worker has processed every dirty counter-day (the warm-up's ratings): otherwise the
    /// pass over the warm-up runs inside the timed phase, which a bare broker never pays for. During a sustained burst
    /// counter-days do not go quiet, so the attribution of the timed ratings runs after it, as in production.
    /// Prints how long it took.
    /// </summary>
    public async Task WaitForAttributionAsync(TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using (var connection = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "onestop.db")};Mode=ReadOnly;Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM attribution_dirty";
                if ((long)command.ExecuteScalar()! == 0)
                {
                    Console.WriteLine($"    warm-up attributed after {clock.Elapsed.TotalSeconds:0.0} s (untimed)");
                    return;
                }
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"the warm-up's attribution did not finish within {timeout.TotalSeconds:0} s");
            }
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        Process.Dispose();
        Http.Dispose();
        if (!_ownsData)
        {
            return;
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed record Credentials(string Id, string Secret);
}
