using System.Globalization;
using MQTTnet.Formatter;

namespace OneStop.Feedback.Simulator;

/// <summary>The command line, parsed. Unknown or malformed options throw <see cref="ArgumentException"/> with a message for the user.</summary>
public sealed class SimulatorOptions
{
    public const string Usage = """
        onestop-sim --server <url> --api-token <token> [options]
          --server <url>          server base URL; terminals sim-0001… are provisioned through its API
          --api-token <token>     admin bearer token for provisioning
          --credentials id:secret[,id:secret…]  use these terminals instead of provisioning
          --broker host:port      MQTT broker (default: the server's host, port 1883)
          --terminals N           simulated terminals (default 1)
          --ratings M             ratings per terminal, then exit 0 once all are acknowledged
          --rate R                ratings per second per terminal (default 0.05: one every 20 s)
          --offline-after S       drop every broker connection after S seconds…
          --offline-for S         …for S seconds (default 10)
          --keyboard              one terminal driven by the keys 1–5 (q quits)
          --data <dir>            outbox folders, one per terminal (default: <temp>/onestop-sim/<broker>)
          --mqtt 3|5              protocol version (default 3, like the firmware's M2Mqtt client)
          --timeout S             give up after S seconds (default: generous for --ratings)
        """;

    public Uri? Server { get; set; }

    public string? ApiToken { get; set; }

    public IReadOnlyList<KeyValuePair<string, string>> Credentials { get; set; } = [];

    public string? BrokerHost { get; set; }

    public int BrokerPort { get; set; } = 1883;

    public int Terminals { get; set; } = 1;

    public int Ratings { get; set; } = -1;

    public double Rate { get; set; } = 0.05;

    public double? OfflineAfterSeconds { get; set; }

    public double OfflineForSeconds { get; set; } = 10;

    public bool Keyboard { get; set; }

    public string? DataDirectory { get; set; }

    public MqttProtocolVersion Protocol { get; set; } = MqttProtocolVersion.V311;

    public double? TimeoutSeconds { get; set; }

    /// <summary>Time allowed for <c>--ratings</c>: the expected duration three times over, plus the outage, plus a minute.</summary>
    public TimeSpan EffectiveTimeout => TimeSpan.FromSeconds(TimeoutSeconds
        ?? (Ratings < 0 || Rate <= 0 ? double.MaxValue / 2 : (3 * Ratings / Rate) + OfflineForSeconds + 60));

    public static SimulatorOptions Parse(string[] args)
    {
        var o = new SimulatorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(name + " needs a value");
            switch (name)
            {
                case "--server": o.Server = new Uri(Value(), UriKind.Absolute); break;
                case "--api-token": o.ApiToken = Value(); break;
                case "--credentials": o.Credentials = ParseCredentials(Value()); break;
                case "--broker": ParseBroker(Value(), o); break;
                case "--terminals": o.Terminals = Int(name, Value(), 1); break;
                case "--ratings": o.Ratings = Int(name, Value(), 0); break;
                case "--rate": o.Rate = Number(name, Value()); break;
                case "--offline-after": o.OfflineAfterSeconds = Number(name, Value()); break;
                case "--offline-for": o.OfflineForSeconds = Number(name, Value()); break;
                case "--keyboard": o.Keyboard = true; break;
                case "--data": o.DataDirectory = Value(); break;
                case "--mqtt": o.Protocol = Value() == "5" ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311; break;
                case "--timeout": o.TimeoutSeconds = Number(name, Value()); break;
                default: throw new ArgumentException("unknown option " + name);
            }
        }
        if (o.Credentials.Count == 0 && (o.Server is null || o.ApiToken is null))
        {
            throw new ArgumentException("give --server and --api-token (to provision terminals) or --credentials");
        }
        if (o.Credentials.Count > 0)
        {
            o.Terminals = o.Credentials.Count;
        }
        if (o.Keyboard)
        {
            o.Terminals = 1;
        }
        o.BrokerHost ??= o.Server?.Host ?? "127.0.0.1";
        return o;
    }

    private static void ParseBroker(string value, SimulatorOptions o)
    {
        var colon = value.LastIndexOf(':');
        o.BrokerHost = colon < 0 ? value : value[..colon];
        if (colon >= 0)
        {
            o.BrokerPort = Int("--broker", value[(colon + 1)..], 1);
        }
    }

    private static List<KeyValuePair<string, string>> ParseCredentials(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? KeyValuePair.Create(pair[..colon], pair[(colon + 1)..]) : throw new ArgumentException("--credentials wants id:secret, got " + pair);
        }).ToList();

    private static int Int(string name, string value, int min) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n : throw new ArgumentException($"{name} wants an integer ≥ {min}, got '{value}'");

    private static double Number(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n : throw new ArgumentException($"{name} wants a number ≥ 0, got '{value}'");
}
