namespace OneStop.Feedback.Server.TimeSeries;

/// <summary>
/// Configuration of the optional time-series store: <c>Storage:TimeSeries</c> (<c>none</c> or <c>influxdb</c>) and the
/// section <c>InfluxDb</c>. One code path serves InfluxDB 1.x, 2.x and 3.x through their v1-compatible <c>/write</c> and
/// <c>/query</c> endpoints (docs/timeseries.md).
/// </summary>
public sealed class TimeSeriesOptions
{
    public const string Section = "InfluxDb";

    /// <summary>The mode key, outside this section because it chooses an adapter like the other <c>Storage:</c> keys.</summary>
    public const string ModeKey = "Storage:TimeSeries";

    /// <summary><c>none</c> (default) or <c>influxdb</c>; read from <see cref="ModeKey"/>.</summary>
    public string Mode { get; set; } = "none";

    public bool Enabled => Mode.Equals("influxdb", StringComparison.OrdinalIgnoreCase);

    /// <summary>Base address of the InfluxDB HTTP API, e.g. <c>http://127.0.0.1:8086</c>.</summary>
    public string? Url { get; set; }

    /// <summary>Database (1.x), or the database name of a DBRP mapping (2.x), or the database (3.x).</summary>
    public string? Database { get; set; }

    /// <summary>Retention policy to write to and read from; empty = the database's default.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>API token (2.x, 3.x): sent as <c>Authorization: Token …</c>. Exclusive with Username/Password.</summary>
    public string? Token { get; set; }

    /// <summary>1.x user (sent as the <c>u</c>/<c>p</c> query parameters).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Send <c>CREATE DATABASE</c> when a write answers "database not found" (1.x only; needs an admin user).</summary>
    public bool CreateDatabase { get; set; }

    /// <summary>
    /// Most lines waiting in the outbox. Beyond it, no new lines are queued: the counter-days whose points changed are
    /// remembered instead (a few bytes each) and their points are rebuilt from the relational store once the outbox
    /// has drained below half. So the outbox stays bounded and still nothing is lost.
    /// </summary>
    public int OutboxCapacity { get; set; } = 1_000_000;

    /// <summary>Lines per <c>/write</c> request.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>Deadline of one HTTP request to InfluxDB.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Longest pause between two retries while InfluxDB fails (the pause doubles from one second up to this).</summary>
    public int MaxRetrySeconds { get; set; } = 30;

    /// <summary>Errors of the configuration, each a sentence naming the key; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Enabled && !Mode.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{ModeKey} is '{Mode}'; it must be 'none' or 'influxdb'");
            return problems;
        }
        if (!Enabled)
        {
            return problems;
        }
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problems.Add($"InfluxDb:Url must be an absolute http(s) address such as http://127.0.0.1:8086 (it is '{Url}')");
        }
        if (string.IsNullOrWhiteSpace(Database))
        {
            problems.Add("InfluxDb:Database is required when Storage:TimeSeries is 'influxdb'");
        }
        if (!string.IsNullOrEmpty(Token) && !string.IsNullOrEmpty(Username))
        {
            problems.Add("InfluxDb:Token and InfluxDb:Username are exclusive: a token for InfluxDB 2.x/3.x, a user and password for 1.x");
        }
        if (!string.IsNullOrEmpty(Username) && string.IsNullOrEmpty(Password))
        {
            problems.Add("InfluxDb:Password is required with InfluxDb:Username");
        }
        if (OutboxCapacity < 1000)
        {
            problems.Add("InfluxDb:OutboxCapacity must be at least 1000");
        }
        if (BatchSize is < 1 or > 100_000)
        {
            problems.Add("InfluxDb:BatchSize must be between 1 and 100000");
        }
        if (TimeoutSeconds < 1 || MaxRetrySeconds < 1)
        {
            problems.Add("InfluxDb:TimeoutSeconds and InfluxDb:MaxRetrySeconds must be at least 1");
        }
        return problems;
    }
}
