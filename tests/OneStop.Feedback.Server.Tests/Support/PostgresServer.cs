using System.Globalization;
using Npgsql;

namespace OneStop.Feedback.Server.Tests.Support;

/// <summary>
/// Debian's PostgreSQL in a temporary cluster on a free loopback port, stopped and deleted on dispose. initdb and
/// pg_ctl refuse to run as root, so as root they run as the <c>postgres</c> user (via runuser) on a folder it owns.
/// Each test gets a database of its own from <see cref="NewDatabase"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("osf-pg-").FullName;
    private string _bin = "";
    private int _databases;

    public int Port { get; private set; }

    private string DataPath => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        var initdb = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (initdb is null)
        {
            throw new InvalidOperationException(
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). Install it with: apt-get install -y postgresql (./test.sh does this for you).");
        }
        _bin = Path.GetDirectoryName(initdb)!;
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "-R", "postgres:postgres", _root);
        }
        await PgAsync("initdb", "-D", DataPath, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync");
        Port = ServerProcess.FreePort();
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c full_page_writes=off");
        await PgAsync("pg_ctl", "-D", DataPath, "-l", Path.Combine(_root, "postgres.log"), "-o", options, "-w", "-t", "60", "start");
    }

    /// <summary>Connection string of the server's maintenance database.</summary>
    public string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true");

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public string NewDatabase()
    {
        var name = "osf_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        // The name is generated above from digits and hex, never input.
        command.CommandText = $"CREATE DATABASE {name}";
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    /// <summary>Server settings that point a TestApp or server process at a new database.</summary>
    public Dictionary<string, string?> NewDatabaseSettings() => new()
    {
        ["Storage:Relational"] = "postgres",
        ["ConnectionStrings:Postgres"] = NewDatabase(),
    };

    /// <summary>A server on a new, empty database of this cluster (Storage:Relational=postgres).</summary>
    public TestApp NewApp(IDictionary<string, string?>? settings = null, bool withAdminToken = true)
    {
        var all = NewDatabaseSettings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        return new TestApp(all, withAdminToken);
    }

    public string Log => File.Exists(Path.Combine(_root, "postgres.log")) ? File.ReadAllText(Path.Combine(_root, "postgres.log")) : "(no log)";

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Port != 0)
        {
            await PgAsync("pg_ctl", "-D", DataPath, "-m", "immediate", "-w", "stop");
        }
        Directory.Delete(_root, recursive: true);
    }

    private Task PgAsync(string program, params string[] args) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. args])
            : RunAsync(Path.Combine(_bin, program), args);

    private static async Task RunAsync(string program, params string[] args)
    {
        var (code, output) = await Tools.RunAsync(program, args, TimeSpan.FromSeconds(90));
        if (code != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({code}):\n{output}");
        }
    }
}

/// <summary>The PostgreSQL tests share one temporary cluster (a database each) and run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
