using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace OneStop.Feedback.Server.Tests.Support;

/// <summary>
/// The real server executable in its own process, for tests that must kill it (SIGKILL) and start it again
/// on the same data folder. Output is kept for the failure message.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServerProcess(Process process, int httpPort, int mqttPort)
    {
        _process = process;
        HttpPort = httpPort;
        MqttPort = mqttPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestApp.AdminToken);
    }

    public int HttpPort { get; }

    public int MqttPort { get; }

    public HttpClient Http { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static Task<ServerProcess> StartAsync(string dataDirectory, params string[] extraArgs) =>
        StartAsync(dataDirectory, FreePort(), FreePort(), extraArgs);

    /// <summary>Starts the server on given ports, so that a restart after <see cref="Kill"/> is found where terminals reconnect.</summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, int httpPort, int mqttPort, params string[] extraArgs)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            RepoPaths.ServerDll, "--urls", $"http://127.0.0.1:{httpPort}", "--Mqtt:Port", mqttPort.ToString(CultureInfo.InvariantCulture),
            "--Storage:DataDirectory", dataDirectory, "--Admin:ApiToken", TestApp.AdminToken, "--Logging:LogLevel:Default", "Warning",
        }.Concat(extraArgs))
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        var server = new ServerProcess(process, httpPort, mqttPort);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("server exited at start:\n" + server.Log);
            }
            try
            {
                if ((await server.Http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new TimeoutException("server did not answer /healthz within 60 s:\n" + server.Log);
    }

    /// <summary>The operating-system process id (to stop it with SIGSTOP).</summary>
    public int ProcessId => _process.Id;

    /// <summary>SIGKILL: no shutdown code runs, exactly like a power cut of the process.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private int _disposed;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        // Tests that restart a replica dispose it before the final `await using` does it again.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return ValueTask.CompletedTask;
        }
        if (!_process.HasExited)
        {
            Kill();
        }
        Http.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
