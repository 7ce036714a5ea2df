namespace OneStop.Feedback.Benchmarks;

/// <summary>Finds the repository's build outputs from the benchmark's own output folder.</summary>
public static class RepoLocator
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OneStop.Feedback.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("OneStop.Feedback.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The server built in the same configuration as this benchmark.</summary>
    public static string ServerDll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var dll = Path.Combine(Root, "server", "OneStop.Feedback.Server", "bin", configuration, "net10.0", "OneStop.Feedback.Server.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("server not built: " + dll);
        }
    }

    /// <summary>This benchmark's own DLL, to start it again as the bare broker.</summary>
    public static string SelfDll => typeof(RepoLocator).Assembly.Location;
}
