using System.Xml.Linq;
using OneStop.Feedback.Firmware.Tests.Support;

namespace OneStop.Feedback.Firmware.Tests.App;

/// <summary>
/// The .nfproj cannot be built here (it needs the nanoFramework extension), so these keep it in step with what
/// is: every app and Core source is a Compile item, and every Reference matches packages.config.
/// </summary>
public class NanoProjectTests
{
    private static readonly string AppFolder = Path.Combine(RepositoryPaths.Root, "firmware", "OneStop.Feedback.Firmware");

    [Fact]
    public void TheNfprojCompilesExactlyTheAppAndCoreSources()
    {
        var items = Project().Descendants().Where(e => e.Name.LocalName == "Compile")
            .Select(e => Path.GetFullPath(Path.Combine(AppFolder, e.Attribute("Include")!.Value.Replace('\\', '/'))))
            .Order(StringComparer.Ordinal).ToList();
        var sources = Directory.GetFiles(AppFolder, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "firmware", "src", "Core"), "*.cs", SearchOption.AllDirectories))
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
            .Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(sources, items);
    }

    [Fact]
    public void EveryReferenceHintPathIsAPackageOfPackagesConfig()
    {
        var packages = XDocument.Load(Path.Combine(AppFolder, "packages.config")).Root!.Elements("package")
            .Select(p => p.Attribute("id")!.Value + "." + p.Attribute("version")!.Value).ToHashSet(StringComparer.Ordinal);
        var hintPackages = Project().Descendants().Where(e => e.Name.LocalName == "HintPath")
            .Select(e => e.Value.Split('\\')[1]).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(packages.Order(StringComparer.Ordinal), hintPackages.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void M2MqttIsAtLeast5_1_220WhichEncodesTheLastWillOfMqtt311Correctly()
    {
        var m2mqtt = XDocument.Load(Path.Combine(AppFolder, "packages.config")).Root!.Elements("package")
            .Single(p => p.Attribute("id")!.Value == "nanoFramework.M2Mqtt");

        Assert.True(Version.Parse(m2mqtt.Attribute("version")!.Value) >= new Version(5, 1, 220));
    }

    private static XDocument Project() => XDocument.Load(Path.Combine(AppFolder, "OneStop.Feedback.Firmware.nfproj"));
}
