namespace OneStop.Feedback.Browser.Tests.Support;

/// <summary>All browser tests share one server and one Chromium (launching it is the slow part).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
