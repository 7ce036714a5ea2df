using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.TimeSeries;

/// <summary>
/// Debian's InfluxDB 1.6.7 (<c>influxd</c>) on free loopback ports with its meta, data and WAL folders in a temporary
/// folder, reporting and the internal monitor store off. Stop and start it again on the same folder and ports to
/// simulate an outage; disposing kills it and deletes the folder.
/// </summary>
public sealed class InfluxServer : IAsyncDisposable
{
    private readonly TempDirectory _folder = new("osf-influx");
    private readonly HttpClient _http;
    private Process? _process;

    private InfluxServer()
    {
        HttpPort = ServerProcess.FreePort();
        RpcPort = ServerProcess.FreePort();
        _http = new HttpClient { BaseAddress = new Uri(Url + "/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int HttpPort { get; }

    public int RpcPort { get; }

    public string Url => $"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}";

    public string LogPath => Path.Combine(_folder.Path, "influxd.log");

    public string Log => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "(no log)";

    public bool Running => _process is { HasExited: false };

    /// <summary>Starts influxd and waits for <c>/ping</c>; then creates <paramref name="database"/> when given.</summary>
    public static async Task<InfluxServer> StartAsync(string? database = null)
    {
        var server = new InfluxServer();
        var dir = server._folder.Path;
        await File.WriteAllTextAsync(Path.Combine(dir, "influxdb.conf"), $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{server.RpcPort}"
            [meta]
              dir = "{dir}/meta"
            [data]
              dir = "{dir}/data"
              wal-dir = "{dir}/wal"
              index-version = "tsi1"
              query-log-enabled = false
            [http]
              bind-address = "127.0.0.1:{server.HttpPort}"
              log-enabled = false
            [ifql]
              enabled = false
            [monitor]
              store-enabled = false
            [continuous_queries]
              enabled = false
            """);
        await server.StartAsync();
        if (database is not null)
        {
            await server.QueryAsync("CREATE DATABASE " + database, post: true);
        }
        return server;
    }

    public async Task StartAsync()
    {
        var influxd = Tools.Require("influxd", "influxdb");
        // Through sh with redirections, so that the daemon holds a log file instead of the test runner's pipes.
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"exec '{influxd}' -config '{Path.Combine(_folder.Path, "influxdb.conf")}' >>'{LogPath}' 2>&1 </dev/null");
        _process = Process.Start(info)!;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("influxd exited at start:\n" + Log);
            }
            try
            {
                using var ping = await _http.GetAsync("ping");
                if (ping.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("influxd did not answer /ping within 30 s:\n" + Log);
    }

    /// <summary>Stops influxd (SIGTERM, then SIGKILL after 10 s) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Runs InfluxQL (GET, or POST for statements that change something); returns the first result.</summary>
    public async Task<JsonElement> QueryAsync(string influxQl, string? database = null, bool post = false)
    {
        var address = "query?epoch=ms&q=" + Uri.EscapeDataString(influxQl) + (database is null ? "" : "&db=" + Uri.EscapeDataString(database));
        using var response = post ? await _http.PostAsync(address, null) : await _http.GetAsync(address);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{influxQl}: {(int)response.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        var result = document.RootElement.GetProperty("results")[0].Clone();
        Assert.False(result.TryGetProperty("error", out var error), $"{influxQl}: {error}");
        return result;
    }

    /// <summary>All rows of a query as (tags of the series + columns) dictionaries.</summary>
    public async Task<List<Dictionary<string, JsonElement>>> RowsAsync(string influxQl, string database)
    {
        var rows = new List<Dictionary<string, JsonElement>>();
        var result = await QueryAsync(influxQl, database);
        if (!result.TryGetProperty("series", out var series))
        {
            return rows;
        }
        foreach (var s in series.EnumerateArray())
        {
            var columns = s.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            foreach (var values in s.GetProperty("values").EnumerateArray())
            {
                var row = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                if (s.TryGetProperty("tags", out var tags))
                {
                    foreach (var tag in tags.EnumerateObject())
                    {
                        row[tag.Name] = tag.Value;
                    }
                }
                for (var i = 0; i < columns.Count; i++)
                {
                    row[columns[i]] = values[i];
                }
                rows.Add(row);
            }
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null && !_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _http.Dispose();
        _folder.Dispose();
    }
}
