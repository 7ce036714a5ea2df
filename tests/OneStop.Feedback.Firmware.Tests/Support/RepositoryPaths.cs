namespace OneStop.Feedback.Firmware.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder (the root holds OneStop.Feedback.sln).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Vectors(string fileName) => Path.Combine(Root, "tests", "vectors", fileName);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OneStop.Feedback.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("OneStop.Feedback.sln not found above " + AppContext.BaseDirectory);
    }
}
