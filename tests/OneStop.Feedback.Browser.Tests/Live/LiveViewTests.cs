using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using OneStop.Feedback.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace OneStop.Feedback.Browser.Tests.Live;

[Collection(BrowserCollection.Name)]
public sealed class LiveViewTests(BrowserApp app)
{
    private sealed record Credentials(string Id, string Secret);

    [Fact]
    public async Task RatingPublishedOverMqttAppearsOnTheLivePageWithinTwoSeconds()
    {
        var created = await app.Admin.PostAsJsonAsync("/api/v1/terminals", new { id = "live-t1", counterId = "Q03", name = "Thiết bị quầy 3" });
        created.EnsureSuccessStatusCode();
        var credentials = (await created.Content.ReadFromJsonAsync<Credentials>())!;
        using var mqtt = new MqttClientFactory().CreateMqttClient();
        var connect = await mqtt.ConnectAsync(new MqttClientFactory().CreateClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", app.MqttPort).WithClientId("live-t1").WithCredentials(credentials.Id, credentials.Secret).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, connect.ResultCode);

        var page = await app.SignedInPageAsync("truongbadinh");
        await page.GotoAsync("/live");
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("Đang nhận dữ liệu trực tiếp");
        // The connected terminal is listed online at its counter.
        var terminalRow = page.Locator("#live-terminals tr[data-terminal='live-t1']");
        await Expect(terminalRow).ToContainTextAsync("Trực tuyến");
        await Expect(terminalRow).ToContainTextAsync("Quầy 3");
        await Screenshots.TakeAsync(page, "live-desktop");

        var payload = $"{{\"v\":1,\"boot\":1,\"seq\":1,\"ts\":{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()},\"scale\":5,\"score\":5}}";
        var watch = Stopwatch.StartNew();
        var ack = await mqtt.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("onestop/v1/t/live-t1/rating")
            .WithPayload(Encoding.UTF8.GetBytes(payload)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.True(ack.IsSuccess, ack.ReasonString);
        var row = page.Locator("#live-ratings tr[data-terminal='live-t1']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 2000 });
        var seen = watch.Elapsed;
        await Expect(row).ToContainTextAsync("Rất hài lòng");
        await Expect(row).ToContainTextAsync("Quầy 3");
        await Expect(row).ToContainTextAsync("Trung tâm PVHCC");
        Assert.True(seen < TimeSpan.FromSeconds(2), $"the rating took {seen.TotalMilliseconds:0} ms to appear");
        await Expect(page.Locator("#live-ratings-empty")).ToBeHiddenAsync();

        await mqtt.DisconnectAsync();
        await page.Context.CloseAsync();
    }
}
