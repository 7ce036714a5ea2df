namespace OneStop.Feedback.Server.Storage;

/// <summary>Configuration section <c>Storage</c>: which relational store, and where the embedded one lives.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>sqlite</c> (default, embedded) or <c>postgres</c> (<c>ConnectionStrings:Postgres</c>; several replicas may share it).</summary>
    public string Relational { get; set; } = "sqlite";

    /// <summary>Npgsql connection string, from <c>ConnectionStrings:Postgres</c>.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>True when <see cref="Relational"/> is <c>postgres</c>.</summary>
    public bool IsPostgres => Relational.Equals("postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Folder for the SQLite database and the generated admin token; created when missing.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>
    /// SQLite <c>synchronous</c> mode: <c>full</c> (default) makes every commit, and so every PUBACK, survive a power
    /// cut or OS crash; <c>normal</c> (WAL) survives a killed process but may lose the last commits on a power cut,
    /// in exchange for fewer fsyncs. Only choose <c>normal</c> on a server with a UPS and a battery-backed disk cache.
    /// </summary>
    public string Synchronous { get; set; } = "full";

    /// <summary>Full path of the data folder, resolved against the working directory.</summary>
    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory);

    /// <summary>Full path of the SQLite database file.</summary>
    public string DatabasePath => Path.Combine(ResolvedDataDirectory, "onestop.db");
}
