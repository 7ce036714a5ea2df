using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using OneStop.Feedback.Server.Mqtt.Mosquitto;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.External;

/// <summary>
/// Debian's Mosquitto on a loopback port, run with the files the mosquitto-config verb generated. The
/// generated conf is used as is, except that the listener is bound to 127.0.0.1 and, as the tests run as
/// root, the broker keeps running as root instead of dropping to the 'mosquitto' user (which could not write
/// the temporary folders).
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly string _configDirectory;
    private Process? _process;

    private MosquittoBroker(string configDirectory, int port)
    {
        _configDirectory = configDirectory;
        Port = port;
    }

    public int Port { get; }

    public string LogPath => Path.Combine(_configDirectory, "mosquitto.log");

    public string Log => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "(no log)";

    /// <param name="configDirectory">Output folder of mosquitto-config (generated with <c>--Mqtt:Port</c> = <paramref name="port"/>).</param>
    /// <param name="port">The port in the generated conf.</param>
    public static async Task<MosquittoBroker> StartAsync(string configDirectory, int port)
    {
        var generated = await File.ReadAllLinesAsync(Path.Combine(configDirectory, MosquittoFiles.ConfFile));
        var listener = "listener " + port.ToString(CultureInfo.InvariantCulture);
        Assert.Contains(listener, generated);
        var conf = generated.Select(line => line == listener ? listener + " 127.0.0.1" : line).Append("user root");
        await File.WriteAllLinesAsync(Path.Combine(configDirectory, "test.conf"), conf);
        var broker = new MosquittoBroker(configDirectory, port);
        await broker.StartAsync();
        return broker;
    }

    /// <summary>Starts (or restarts) the broker on the same files and port, and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        var mosquitto = Tools.Require("mosquitto", "mosquitto");
        // Through sh with redirections: the broker gets a log file and /dev/null instead of the test runner's
        // pipes, which a lingering daemon would otherwise hold open. exec keeps the process id for Kill.
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"exec '{mosquitto}' -c '{Path.Combine(_configDirectory, "test.conf")}' >>'{LogPath}' 2>&1 </dev/null");
        _process = Process.Start(info)!;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("mosquitto exited at start:\n" + Log);
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException("mosquitto did not listen within 15 s:\n" + Log);
    }

    /// <summary>SIGHUP: Mosquitto re-reads its passwd and acl files (what an operator does after provisioning).</summary>
    public async Task ReloadAsync()
    {
        var pid = _process?.Id.ToString(CultureInfo.InvariantCulture) ?? throw new InvalidOperationException("mosquitto is not running");
        var result = await Tools.RunAsync("kill", ["-HUP", pid], TimeSpan.FromSeconds(10));
        Assert.True(result.ExitCode == 0, result.Output);
    }

    /// <summary>SIGTERM, as an operator's stop or restart: Mosquitto saves its persistence file and exits.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            var result = await Tools.RunAsync("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
            Assert.True(result.ExitCode == 0, result.Output);
            Assert.True(_process.WaitForExit(10_000), "mosquitto did not stop within 10 s of SIGTERM");
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>SIGKILL: no final save of the persistence file.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }
}
