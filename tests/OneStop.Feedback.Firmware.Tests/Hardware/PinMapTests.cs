using System.Text.Json;
using System.Text.RegularExpressions;
using OneStop.Feedback.Firmware.Tests.Support;

namespace OneStop.Feedback.Firmware.Tests.Hardware;

/// <summary>hardware/pinmap.json is the single source of truth for pins; the firmware's Pins.cs must agree with it.</summary>
public partial class PinMapTests
{
    private static readonly int[] StrappingPins = [0, 2, 5, 12, 15];
    private static readonly int[] FlashPins = [6, 7, 8, 9, 10, 11];

    private static List<(string Name, int Gpio, string Direction)> PinMap()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "hardware", "pinmap.json")));
        return doc.RootElement.GetProperty("pins").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("gpio").GetInt32(), p.GetProperty("direction").GetString()!))
            .ToList();
    }

    [GeneratedRegex(@"public const int (\w+) = (\d+);")]
    private static partial Regex PinConstant();

    [Fact]
    public void PinsCsDeclaresExactlyThePinMap()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "firmware", "OneStop.Feedback.Firmware", "Pins.cs"));
        var declared = PinConstant().Matches(source).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).OrderBy(p => p.Item1).ToList();
        var mapped = PinMap().Select(p => (p.Name, p.Gpio)).OrderBy(p => p.Name).ToList();

        Assert.Equal(mapped, declared);
    }

    [Fact]
    public void PinMapUsesOnlyValidEsp32Choices()
    {
        var pins = PinMap();

        Assert.Equal(pins.Count, pins.Select(p => p.Gpio).Distinct().Count());
        Assert.DoesNotContain(pins, p => FlashPins.Contains(p.Gpio));
        Assert.DoesNotContain(pins, p => p.Gpio is 16 or 17); // PSRAM on WROVER modules
        Assert.DoesNotContain(pins, p => p.Gpio >= 34 && p.Direction != "input"); // GPIO34–39 are input-only
        Assert.DoesNotContain(pins, p => p.Name.StartsWith("Button", StringComparison.Ordinal) && !p.Name.StartsWith("ButtonLed", StringComparison.Ordinal) && StrappingPins.Contains(p.Gpio));
        Assert.Equal(5, pins.Count(p => p.Name.StartsWith("ButtonLevel", StringComparison.Ordinal)));
    }
}
