namespace OneStop.Feedback.Server.Tests.Support;

/// <summary>Locates files of the repository from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Vectors(string name) => Path.Combine(Root, "tests", "vectors", name);

    /// <summary>The server's own build output (built because the test project references it).</summary>
    public static string ServerDll
    {
        get
        {
            var here = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory); // …/tests/X/bin/<Configuration>/net10.0
            var configuration = new DirectoryInfo(here).Parent!.Name;
            var dll = Path.Combine(Root, "server", "OneStop.Feedback.Server", "bin", configuration, "net10.0", "OneStop.Feedback.Server.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the server first (dotnet build): not found at " + dll);
        }
    }

    private static string FindRoot()
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
