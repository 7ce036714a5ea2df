namespace OneStop.Feedback.Dashboard.Tests.Support;

/// <summary>Where tests keep what a person should look at (chart PNGs/SVGs): bin/…/artifacts, kept after the run.</summary>
internal static class Artifacts
{
    public static string Save(string name, byte[] content)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
