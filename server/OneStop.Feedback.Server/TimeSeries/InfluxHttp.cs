using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OneStop.Feedback.Server.TimeSeries;

/// <summary>
/// The v1-compatible HTTP surface that InfluxDB 1.x, 2.x (with a DBRP mapping) and 3.x all serve: <c>POST /write</c>
/// with line protocol at millisecond precision and <c>GET /query</c> with InfluxQL. InfluxDB.Client's own WriteApi
/// only speaks <c>/api/v2/write</c>, which 1.6/1.7 answer with 404, hence this small client.
/// </summary>
public sealed class InfluxHttp : IDisposable
{
    private readonly TimeSeriesOptions _options;
    private readonly HttpClient _http;

    public InfluxHttp(IOptions<TimeSeriesOptions> options)
    {
        _options = options.Value;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds),
        };
        if (_options.Enabled && Uri.TryCreate(_options.Url, UriKind.Absolute, out var url))
        {
            _http.BaseAddress = new Uri(url.ToString().TrimEnd('/') + "/");
        }
        if (!string.IsNullOrEmpty(_options.Token))
        {
            _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Token " + _options.Token);
        }
    }

    public enum WriteStatus
    {
        Written,

        /// <summary>InfluxDB refused the data itself (400: malformed line, field type conflict); retrying cannot help.</summary>
        Refused,

        /// <summary>The database (or its 2.x DBRP mapping) does not exist.</summary>
        DatabaseNotFound,

        /// <summary>Unreachable, slow, overloaded, or not authorised: retry later.</summary>
        Failed,
    }

    /// <summary>Writes lines in one request.</summary>
    public async Task<(WriteStatus Status, string? Error)> WriteAsync(IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        var body = new StringContent(string.Join('\n', lines) + "\n", Encoding.UTF8, "text/plain");
        try
        {
            using var response = await _http.PostAsync(Address("write", ("precision", "ms")), body, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return (WriteStatus.Written, null);
            }
            var error = $"{(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync(cancellationToken))}";
            return response.StatusCode switch
            {
                HttpStatusCode.BadRequest => (WriteStatus.Refused, error),
                HttpStatusCode.NotFound => (WriteStatus.DatabaseNotFound, error),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    (WriteStatus.Failed, error + " (check InfluxDb:Token, or InfluxDb:Username and InfluxDb:Password)"),
                _ => (WriteStatus.Failed, error),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (WriteStatus.Failed, ex is TaskCanceledException ? $"no answer within {_options.TimeoutSeconds} s" : ex.Message);
        }
    }

    /// <summary>Runs one InfluxQL statement (GET) and returns its first result; throws with InfluxDB's message on an error.</summary>
    public async Task<JsonElement> QueryAsync(string influxQl, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(Address("query", ("epoch", "ms"), ("q", influxQl)), cancellationToken);
        return await ResultAsync(response, influxQl, cancellationToken);
    }

    /// <summary><c>CREATE DATABASE</c> (1.x; POST because it changes something).</summary>
    public async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var statement = $"CREATE DATABASE {Identifier(_options.Database!)}";
        using var response = await _http.PostAsync(Address("query", ("q", statement)), null, cancellationToken);
        await ResultAsync(response, statement, cancellationToken);
    }

    /// <summary>The measurement as a fully qualified InfluxQL name (database, retention policy when set).</summary>
    public string From(string measurement) =>
        $"{Identifier(_options.Database!)}.{(string.IsNullOrEmpty(_options.RetentionPolicy) ? "" : Identifier(_options.RetentionPolicy))}.{Identifier(measurement)}";

    /// <summary>An InfluxQL double-quoted identifier.</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>An InfluxQL single-quoted string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> ResultAsync(HttpResponseMessage response, string statement, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"InfluxDB answered {(int)response.StatusCode} to '{statement}': {Shorten(text)}");
        }
        using var document = JsonDocument.Parse(text);
        var result = document.RootElement.GetProperty("results")[0];
        if (result.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"InfluxDB refused '{statement}': {error.GetString()}");
        }
        return result.Clone();
    }

    private string Address(string endpoint, params (string Name, string Value)[] parameters)
    {
        var query = new List<(string Name, string Value)>(parameters) { ("db", _options.Database ?? "") };
        if (!string.IsNullOrEmpty(_options.RetentionPolicy))
        {
            query.Add(("rp", _options.RetentionPolicy));
        }
        if (!string.IsNullOrEmpty(_options.Username))
        {
            query.Add(("u", _options.Username));
            query.Add(("p", _options.Password ?? ""));
        }
        return endpoint + "?" + string.Join('&', query.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));
    }

    private static string Shorten(string text) => text.Length <= 300 ? text.Trim() : text[..300] + "…";
}
