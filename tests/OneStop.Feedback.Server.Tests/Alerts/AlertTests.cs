using System.Net.Http.Json;
using OneStop.Feedback.Server.Alerts;
using OneStop.Feedback.Server.Tests.ReferenceData;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Alerts;

public class AlertTests
{
    /// <summary>The server under test; the PostgreSQL variant of this class overrides it.</summary>
    protected virtual TestApp NewApp(IDictionary<string, string?>? settings = null, bool withAdminToken = true) => new(settings, withAdminToken);

    [Fact]
    public async Task BurstOfLowRatingsRaisesOneAlertPushedLiveAndStored()
    {
        await using var app = NewApp();
        await ReferenceDataTests.SeedOfficeAsync(app);
        var terminal = await app.CreateTerminalAsync("T1", "Q1");
        using var stream = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var pushed = ReadFirstEventAsync(app, "/api/v1/alerts/stream", stream.Token);
        using var client = await app.ConnectAsync(terminal);
        var now = TestApp.NowMs;

        // 5 ratings, 3 in the lowest two levels: 60 % ≥ 50 % with at least 4 ratings.
        int[] scores = [5, 1, 2, 4, 1];
        for (var i = 0; i < scores.Length; i++)
        {
            await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(1, i + 1, now - 60_000 + i * 10_000, score: scores[i])));
        }

        var alerts = await Poll.UntilAsync(() => app.Client.GetFromJsonAsync<List<AlertView>>("/api/v1/alerts?active=true")!, a => a!.Count > 0,
            TimeSpan.FromSeconds(10), "an active alert");
        var alert = Assert.Single(alerts!);
        Assert.Equal("P-BD", alert.UnitId);
        Assert.True(alert.Low * 2 >= alert.Ratings && alert.Ratings >= 4, $"{alert.Low}/{alert.Ratings}");
        var line = await pushed;
        Assert.Contains("\"unitId\":\"P-BD\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveRatingStreamCarriesEachCommittedRating()
    {
        await using var app = NewApp();
        var terminal = await app.CreateTerminalAsync("T1", "Q1");
        using var stream = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var pushed = ReadFirstEventAsync(app, "/api/v1/ratings/stream", stream.Token);
        using var client = await app.ConnectAsync(terminal);

        // The stream subscribes when its request is handled; keep pressing until the first push arrives.
        for (var seq = 1; !pushed.IsCompleted && seq <= 50; seq++)
        {
            await client.PublishAsync(TestApp.Message("onestop/v1/t/T1/rating", TestApp.Rating(9, seq, TestApp.NowMs, score: 3)));
            await Task.WhenAny(pushed, Task.Delay(200));
        }

        var line = await pushed;
        Assert.Contains("\"terminal\":\"T1\"", line, StringComparison.Ordinal);
        Assert.Contains("\"boot\":9", line, StringComparison.Ordinal);
    }

    /// <summary>Opens the SSE stream and returns the first data line (subscription is live once headers arrive).</summary>
    private static async Task<string> ReadFirstEventAsync(TestApp app, string path, CancellationToken cancellationToken)
    {
        var response = await app.Client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                return line;
            }
        }
        throw new InvalidOperationException("stream ended without an event");
    }
}
