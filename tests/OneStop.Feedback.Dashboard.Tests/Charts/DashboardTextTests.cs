using System.Globalization;
using System.Resources;
using OneStop.Feedback.Dashboard.Text;
using OneStop.Feedback.Evaluation.Calendar;

namespace OneStop.Feedback.Dashboard.Tests.Charts;

/// <summary>The resource files: every Vietnamese key has an English text, and the vi-VN formats are the expected ones.</summary>
public class DashboardTextTests
{
    [Fact]
    public void EveryKeyExistsInBothLanguages()
    {
        var manager = new ResourceManager("OneStop.Feedback.Dashboard.Text.DashboardText", typeof(DashboardText).Assembly);
        var vi = Keys(manager.GetResourceSet(CultureInfo.InvariantCulture, true, false)!);
        var en = Keys(manager.GetResourceSet(CultureInfo.GetCultureInfo("en"), true, false)!);

        Assert.True(vi.Count > 100, $"only {vi.Count} keys");
        Assert.Equal(vi.Order(StringComparer.Ordinal), en.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void VietnameseFormatsUseDecimalCommaAndShortMonths()
    {
        var vi = DashboardText.Vietnamese;

        Assert.Equal("86,5 %", vi.Percent(0.865));
        Assert.Equal("Th11/2026", vi.MonthShort(new Month(2026, 11)));
        Assert.Equal("1.234", vi.Number(1234));
        Assert.Equal("chưa có dữ liệu", vi.Percent(null));
        Assert.Equal("86.5%", DashboardText.English.Percent(0.865));
        Assert.Equal("Biết làm dân tin", vi.Criterion("trust"));
        Assert.Equal("Bình thường", vi.Level(5, 3));
    }

    private static List<string> Keys(ResourceSet set) =>
        set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();
}
