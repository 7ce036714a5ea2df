using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using OneStop.Feedback.Server.Mqtt.Mosquitto;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Terminals;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.External;

/// <summary>
/// Production mode end to end: a data folder with provisioned terminals, Mosquitto files generated from it by
/// the mosquitto-config verb, that Mosquitto running, and the settings that point a server at it.
/// </summary>
public sealed class ExternalSetup : IAsyncDisposable
{
    public const string ServerUser = "ingest";
    public const string ServerPassword = "ingest-password-for-tests";

    private readonly TempDirectory _mosquittoDirectory = new("osf-mosq");

    private readonly string? _postgres;

    private ExternalSetup(string[] terminalIds, string? postgres)
    {
        _postgres = postgres;
        Terminals = ProvisionInto(Data.Path, terminalIds);
    }

    /// <summary>The server's data folder (database with the terminals); shared by restarts of the server.</summary>
    public TempDirectory Data { get; } = new("osf-ext");

    public IReadOnlyList<TerminalCredentials> Terminals { get; }

    public MosquittoBroker Broker { get; private set; } = null!;

    public string MosquittoDirectory => _mosquittoDirectory.Path;

    /// <summary>Server settings for TestApp (Mqtt:Mode=external, this broker, this data folder).</summary>
    public Dictionary<string, string?> ServerSettings => new()
    {
        ["Mqtt:Mode"] = "external",
        ["Mqtt:Host"] = "127.0.0.1",
        ["Mqtt:Port"] = Broker.Port.ToString(CultureInfo.InvariantCulture),
        ["Mqtt:Username"] = ServerUser,
        ["Mqtt:Password"] = ServerPassword,
        ["Mqtt:ClientId"] = "onestop-ingest-test",
        ["Storage:DataDirectory"] = Data.Path,
        ["Storage:Relational"] = _postgres is null ? "sqlite" : "postgres",
        ["ConnectionStrings:Postgres"] = _postgres ?? "",
    };

    /// <summary>The same settings as command-line arguments, for the server process.</summary>
    public string[] ServerArgs => ServerSettings.SelectMany(kv => new[] { "--" + kv.Key, kv.Value! }).ToArray();

    public static Task<ExternalSetup> StartAsync(params string[] terminalIds) => StartAsync(null, terminalIds);

    /// <summary>The same, with the server's store in PostgreSQL (<paramref name="postgres"/> = connection string) when given.</summary>
    public static async Task<ExternalSetup> StartAsync(string? postgres, string[] terminalIds)
    {
        var setup = new ExternalSetup(terminalIds, postgres);
        var port = ServerProcess.FreePort();
        setup.GenerateFiles(port);
        setup.Broker = await MosquittoBroker.StartAsync(setup.MosquittoDirectory, port);
        return setup;
    }

    /// <summary>Provisions more terminals into the same database (the broker knows them after <see cref="GenerateFiles"/> and a reload).</summary>
    public List<TerminalCredentials> Provision(params string[] ids) => ProvisionInto(Data.Path, ids);

    private StorageOptions Storage(string dataDirectory) =>
        new() { DataDirectory = dataDirectory, Relational = _postgres is null ? "sqlite" : "postgres", PostgresConnectionString = _postgres };

    /// <summary>Runs the mosquitto-config verb on the data folder, as an operator does after provisioning.</summary>
    public void GenerateFiles(int port)
    {
        var output = new StringWriter();
        var code = MosquittoConfigVerb.Run(
            ["--output", MosquittoDirectory, "--Storage:DataDirectory", Data.Path, "--Storage:Relational", _postgres is null ? "sqlite" : "postgres",
             "--ConnectionStrings:Postgres", _postgres ?? "", "--Mqtt:Username", ServerUser,
             "--Mqtt:Password", ServerPassword, "--Mqtt:Port", port.ToString(CultureInfo.InvariantCulture)], output, output);
        Assert.True(code == 0, output.ToString());
    }

    /// <summary>Creates the database and the terminals directly, as the provisioning API would.</summary>
    private List<TerminalCredentials> ProvisionInto(string dataDirectory, string[] ids)
    {
        using var database = new Database(Options.Create(Storage(dataDirectory)));
        Migrations.Apply(database);
        var registry = new TerminalRegistry(database, TimeProvider.System, Options.Create(new OneStop.Feedback.Evaluation.Attribution.AttributionOptions()));
        return ids.Select(id => registry.Create(id, "Q1", id)!).ToList();
    }

    /// <summary>Waits until the server reports its broker connection up (it then has subscribed).</summary>
    public static Task WaitUntilConnectedAsync(HttpClient http) =>
        Poll.UntilAsync(async () => (await http.GetAsync("/healthz")).IsSuccessStatusCode, ok => ok, TimeSpan.FromSeconds(20), "the server to connect to Mosquitto");

    /// <summary>Messages the server holds unacknowledged, from /healthz.</summary>
    public static async Task<int> UnacknowledgedAsync(HttpClient http)
    {
        var body = await (await http.GetAsync("/healthz")).Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("mqtt").GetProperty("unacknowledged").GetInt32();
    }

    /// <summary>A terminal connected to Mosquitto with MQTTnet.</summary>
    public async Task<IMqttClient> ConnectTerminalAsync(TerminalCredentials terminal, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(TerminalOptions(terminal.Id, terminal.Secret, version));
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    public MqttClientOptions TerminalOptions(string user, string password, MqttProtocolVersion version = MqttProtocolVersion.V500) =>
        new MqttClientFactory().CreateClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", Broker.Port)
            .WithClientId(user + "-" + Guid.NewGuid().ToString("N")[..6])
            .WithCredentials(user, password)
            .WithProtocolVersion(version)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();

    public async ValueTask DisposeAsync()
    {
        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }
        _mosquittoDirectory.Dispose();
        Data.Dispose();
    }
}
