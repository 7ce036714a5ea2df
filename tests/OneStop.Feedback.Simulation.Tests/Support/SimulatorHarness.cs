using System.Globalization;
using System.Reflection;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using OneStop.Feedback.Server.Mqtt;
using OneStop.Feedback.Server.Ratings;
using OneStop.Feedback.Server.Tests.Support;
using OneStop.Feedback.Simulator;

namespace OneStop.Feedback.Simulation.Tests.Support;

/// <summary>Runs the simulator's command line against a <see cref="TestApp"/> and reads back what the server stored.</summary>
internal static class SimulatorHarness
{
    /// <summary>The command line for <paramref name="app"/>, with the outboxes in the app's own data folder.</summary>
    public static string[] Args(TestApp app, params string[] extra) =>
    [
        "--server", "http://127.0.0.1", "--api-token", TestApp.AdminToken, "--data", Path.Combine(app.DataDirectory, "terminals"),
        "--broker", "127.0.0.1:" + app.MqttPort.ToString(CultureInfo.InvariantCulture), .. extra,
    ];

    /// <summary>The simulator's exit code and printed lines (the TestApp's in-memory HTTP client stands in for --server).</summary>
    /// <param name="keys">Keys for <c>--keyboard</c>, typed <paramref name="keyGap"/> apart (a box ignores presses
    /// during its thank-you pause and minimum interval, as the simulated one does).</param>
    public static async Task<(int ExitCode, string[] Lines)> RunAsync(TestApp app, string[] args, TimeSpan timeout, string? keys = null, TimeSpan keyGap = default)
    {
        var options = SimulatorOptions.Parse(args);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var stop = new CancellationTokenSource(timeout);
        using var keyInput = keys is null ? null : new PacedReader(keys, keyGap);
        var code = await SimulatorRun.RunAsync(options, app.Client, TextWriter.Synchronized(output), stop.Token, keyInput);
        return (code, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Asserts that every (terminal, boot, seq) appears once and returns the stored ratings.</summary>
    public static async Task<List<RatingView>> StoredOnceAsync(TestApp app, int expected)
    {
        var ratings = await Poll.UntilAsync(() => app.RatingsAsync(), r => r.Count >= expected, TimeSpan.FromSeconds(10), expected + " stored ratings");
        Assert.Equal(expected, ratings.Count);
        Assert.Equal(expected, ratings.Select(r => (r.Terminal, r.Boot, r.Seq)).Distinct().Count());
        return ratings;
    }

    /// <summary>
    /// Publishes a retained message from the server side, as a config sender in the server would: straight into
    /// the embedded broker (terminals may not publish on config topics). The broker keeps its MQTTnet server
    /// private, so the test reaches it by reflection.
    /// </summary>
    public static async Task InjectAsync(TestApp app, string topic, string payload)
    {
        var broker = (EmbeddedBroker)app.Services.GetService(typeof(EmbeddedBroker))!;
        var field = typeof(EmbeddedBroker).GetField("_server", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("EmbeddedBroker._server not found");
        var server = (MqttServer)field.GetValue(broker)!;
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag()
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = "server" });
    }

    /// <summary>Characters of a string, each after a pause: a person typing.</summary>
    private sealed class PacedReader(string text, TimeSpan gap) : TextReader
    {
        private int _next;

        public override int Read()
        {
            if (_next >= text.Length)
            {
                return -1;
            }
            if (_next > 0)
            {
                Thread.Sleep(gap);
            }
            return text[_next++];
        }
    }
}
