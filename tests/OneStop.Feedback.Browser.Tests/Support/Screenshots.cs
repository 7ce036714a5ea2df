using Microsoft.Playwright;

namespace OneStop.Feedback.Browser.Tests.Support;

/// <summary>Full-page screenshots written to the repository's docs/screenshots/ (they are committed, for the README).</summary>
public static class Screenshots
{
    public static string Directory { get; } = Path.Combine(RepoRoot(), "docs", "screenshots");

    public static async Task<string> TakeAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    private static string RepoRoot()
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
