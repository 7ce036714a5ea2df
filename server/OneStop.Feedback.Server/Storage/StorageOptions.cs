namespace OneStop.Feedback.Server.Storage;

/// <summary>Configuration section <c>Storage</c>: where the embedded relational store lives.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the SQLite database and the generated admin token; created when missing.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Full path of the data folder, resolved against the working directory.</summary>
    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory);

    /// <summary>Full path of the SQLite database file.</summary>
    public string DatabasePath => Path.Combine(ResolvedDataDirectory, "onestop.db");
}
