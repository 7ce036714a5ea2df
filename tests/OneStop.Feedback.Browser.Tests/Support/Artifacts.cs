namespace OneStop.Feedback.Browser.Tests.Support;

/// <summary>Files the tests downloaded or rendered, kept under the test output for a person to look at.</summary>
public static class Artifacts
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
}
