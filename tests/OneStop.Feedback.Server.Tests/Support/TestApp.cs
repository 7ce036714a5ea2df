using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using OneStop.Feedback.Server.Mqtt;
using OneStop.Feedback.Server.Ratings;
using OneStop.Feedback.Server.Terminals;

namespace OneStop.Feedback.Server.Tests.Support;

/// <summary>
/// One server per test: its own temporary data folder, its embedded broker on a free loopback port, a known
/// admin token. Disposing it stops the host and deletes the folder.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token-0123456789";

    private readonly WebApplicationFactory<Program> _factory;
    private readonly TempDirectory _data;

    public TestApp(IDictionary<string, string?>? settings = null, bool withAdminToken = true)
    {
        _data = new TempDirectory("osf-app");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Storage:DataDirectory", _data.Path);
            web.UseSetting("Mqtt:Port", "0");
            if (withAdminToken)
            {
                web.UseSetting("Admin:ApiToken", AdminToken);
            }
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                web.UseSetting(key, value);
            }
        });
        Client = _factory.CreateClient();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
    }

    /// <summary>HTTP client carrying the admin token.</summary>
    public HttpClient Client { get; }

    public string DataDirectory => _data.Path;

    public IServiceProvider Services => _factory.Services;

    public int MqttPort => _factory.Services.GetRequiredService<EmbeddedBroker>().Port;

    public HttpClient CreateAnonymousClient() => _factory.CreateClient();

    /// <summary>A client that does not follow redirects (to see 302 → /login) and keeps cookies (a browser session).</summary>
    public HttpClient CreateBrowserClient(string baseAddress = "http://localhost") =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });

    public async Task<TerminalCredentials> CreateTerminalAsync(string id, string? counter = "Q1")
    {
        var response = await Client.PostAsJsonAsync("/api/v1/terminals", new { id, counterId = counter, name = "Quầy " + id });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TerminalCredentials>())!;
    }

    public async Task<List<RatingView>> RatingsAsync(string? terminal = null)
    {
        var url = "/api/v1/ratings?limit=10000" + (terminal is null ? "" : "&terminal=" + terminal);
        return (await Client.GetFromJsonAsync<List<RatingView>>(url))!;
    }

    public async Task<List<RejectionView>> RejectionsAsync() =>
        (await Client.GetFromJsonAsync<List<RejectionView>>("/api/v1/ingest/rejections?limit=10000"))!;

    /// <summary>An MQTT client connected as a terminal; throws when the broker refuses it.</summary>
    public async Task<IMqttClient> ConnectAsync(TerminalCredentials credentials, MqttProtocolVersion version = MqttProtocolVersion.V500, string? clientId = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(ConnectOptions(credentials.Id, credentials.Secret, version, clientId));
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new InvalidOperationException("connect refused: " + result.ResultCode);
        }
        return client;
    }

    public MqttClientOptions ConnectOptions(string user, string password, MqttProtocolVersion version = MqttProtocolVersion.V500, string? clientId = null) =>
        new MqttClientFactory().CreateClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", MqttPort)
            .WithClientId(clientId ?? user + "-" + Guid.NewGuid().ToString("N")[..6])
            .WithCredentials(user, password)
            .WithProtocolVersion(version)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();

    public static MqttApplicationMessage Message(string topic, string payload) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    public static string Rating(long boot, long seq, long ts, int score = 4, int scale = 5, string? criteria = null) =>
        $"{{\"v\":1,\"boot\":{boot},\"seq\":{seq},\"ts\":{ts},\"scale\":{scale},\"score\":{score}{(criteria is null ? "" : ",\"criteria\":" + criteria)}}}";

    public static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        _data.Dispose();
    }
}
