using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Server.Demo;
using OneStop.Feedback.Server.Mqtt;

namespace OneStop.Feedback.Browser.Tests.Support;

/// <summary>
/// One real server (Kestrel on a free 127.0.0.1 port, the demo office seeded, embedded MQTT broker on a free port)
/// and one Chromium for a whole test collection, so the suite launches the browser once. Each test opens its own
/// browser context (own cookies). Disposing stops the browser and the host and deletes the data folder.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string AdminToken = "browser-test-admin-token-0123";
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _data = Directory.CreateTempSubdirectory("osf-browser").FullName;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>"http://127.0.0.1:port".</summary>
    public string BaseUrl { get; private set; } = "";

    public HttpClient Admin { get; private set; } = default!;

    public IServiceProvider Services => _factory!.Services;

    public int MqttPort => Services.GetRequiredService<EmbeddedBroker>().Port;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: the browser tests drive Debian's Chromium; install it with 'apt-get install chromium'.");
        }
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Storage:DataDirectory", _data);
            web.UseSetting("Mqtt:Port", "0");
            web.UseSetting("Admin:ApiToken", AdminToken);
            web.UseSetting("Demo:Enabled", "true");
            // The seeded history is what the pages show; simulated terminals would add random live ratings.
            web.UseSetting("Demo:Counters", "0");
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        Admin = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        await WaitForDemoHistoryAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>
    /// A fresh context (own cookies) signed in through the login form as one of the demo accounts (quantri, lanhdao,
    /// truongbadinh, truongdonganh, canbo01), at desktop size unless told.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string username, int width = 1366, int height = 768)
    {
        var account = DemoAccounts.All.Single(a => a.Username == username);
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = new() { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = "vi-VN",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(username);
        await page.GetByLabel("Mật khẩu").FillAsync(account.Password!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>The attribution worker evaluates the seeded history in the background: wait until the month has ratings.</summary>
    private async Task WaitForDemoHistoryAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var month = VietnamTime.MonthOf(DateTimeOffset.UtcNow);
        while (DateTime.UtcNow < deadline)
        {
            var units = await Admin.GetFromJsonAsync<List<UnitRow>>($"/api/v1/evaluations/units?month={month}");
            if (units is { Count: > 0 } && units.Any(u => u.Ratings > 0))
            {
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The demo office's history was not evaluated within 60 s.");
    }

    private sealed record UnitRow(string UnitId, int Ratings);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        Admin?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        Directory.Delete(_data, recursive: true);
    }
}
