using System.Text;
using OneStop.Feedback.Firmware.Core.Config;
using OneStop.Feedback.Firmware.Core.Text;

namespace OneStop.Feedback.Firmware.Tests.Config;

public class ConfigParserTests
{
    private const string Full = """
        {"v":1,"scale":3,"mode":"follow-up","lang":"en","windowSeconds":90,"requireWindow":true,"minIntervalSeconds":8,
         "quietHours":[{"from":"11:30","to":"13:00"},{"from":"22:00","to":"06:00"}],
         "labels":{"question":"Ông/bà có hài lòng với cán bộ?","thanks":"Cảm ơn ông/bà!"}}
        """;

    [Fact]
    public void FullConfigIsReadWithVietnameseLabels()
    {
        var config = Parse(Full)!;

        Assert.Equal(3, config.Scale);
        Assert.Equal(RatingMode.FollowUp, config.Mode);
        Assert.Equal("en", config.Language);
        Assert.Equal(90, config.WindowSeconds);
        Assert.True(config.RequireWindow);
        Assert.Equal(8, config.MinIntervalSeconds);
        Assert.Equal(2, config.QuietHours.Count);
        Assert.Equal((690, 780), (config.QuietHours.FromMinutes(0), config.QuietHours.ToMinutes(0)));
        Assert.Equal((1320, 360), (config.QuietHours.FromMinutes(1), config.QuietHours.ToMinutes(1)));
        Assert.Equal("Ông/bà có hài lòng với cán bộ?", config.QuestionLabel);
        Assert.Equal("Cảm ơn ông/bà!", config.ThanksLabel);
    }

    [Fact]
    public void UnicodeEscapesDecodeToVietnameseText()
    {
        var config = Parse("{\"v\":1,\"labels\":{\"thanks\":\"C\\u1ea3m \\u01a1n \\u00f4ng/b\\u00e0!\"}}")!;

        Assert.Equal("Cảm ơn ông/bà!", config.ThanksLabel);
    }

    [Fact]
    public void MissingFieldsTakeTheDefaults()
    {
        var config = Parse("{\"v\":1}")!;

        Assert.Equal(5, config.Scale);
        Assert.Equal(RatingMode.Quick, config.Mode);
        Assert.False(config.RequireWindow);
        Assert.Equal(0, config.QuietHours.Count);
    }

    [Fact]
    public void UnknownFieldsAreIgnoredForForwardCompatibility()
    {
        var config = Parse("{\"v\":1,\"scale\":4,\"theme\":{\"color\":\"blue\",\"sizes\":[1,2.5,-3e2]},\"beta\":null,\"labels\":{\"footer\":\"x\"}}");

        Assert.Equal(4, config!.Scale);
    }

    [Theory]
    [InlineData("{\"v\":2,\"scale\":5}")]
    [InlineData("{\"scale\":5}")]
    [InlineData("{\"v\":1,\"scale\":6}")]
    [InlineData("{\"v\":1,\"scale\":5.0}")]
    [InlineData("{\"v\":1,\"scale\":\"5\"}")]
    [InlineData("{\"v\":1,\"mode\":\"slow\"}")]
    [InlineData("{\"v\":1,\"lang\":\"fr\"}")]
    [InlineData("{\"v\":1,\"windowSeconds\":0}")]
    [InlineData("{\"v\":1,\"requireWindow\":\"yes\"}")]
    [InlineData("{\"v\":1,\"minIntervalSeconds\":-1}")]
    [InlineData("{\"v\":1,\"quietHours\":[{\"from\":\"11:30\"}]}")]
    [InlineData("{\"v\":1,\"quietHours\":[{\"from\":\"25:00\",\"to\":\"26:00\"}]}")]
    [InlineData("{\"v\":1,\"quietHours\":[{\"from\":\"11:30\",\"to\":\"11:30\"}]}")]
    [InlineData("{\"v\":1,\"quietHours\":{\"from\":\"11:30\",\"to\":\"13:00\"}}")]
    [InlineData("{\"v\":1,\"labels\":{\"thanks\":\"\"}}")]
    [InlineData("{\"v\":1,\"labels\":{\"thanks\":42}}")]
    [InlineData("{\"v\":1,\"scale\":5,\"scale\":3}")]
    [InlineData("{\"v\":1,\"scale\":5")]
    [InlineData("{\"v\":1,\"scale\":05}")]
    [InlineData("{\"v\":1,}")]
    [InlineData("[{\"v\":1}]")]
    [InlineData("{\"v\":1} x")]
    [InlineData("")]
    public void InvalidConfigIsRejectedWhole(string json) => Assert.Null(Parse(json));

    [Fact]
    public void InvalidUtf8ConfigIsRejected() =>
        Assert.Null(ConfigParser.Parse([.. "{\"v\":1,\"labels\":{\"thanks\":\""u8, 0xFF, .. "\"}}"u8]));

    [Fact]
    public void DeeplyNestedUnknownFieldIsRejected()
    {
        var deep = "{\"v\":1,\"x\":" + new string('[', 20) + new string(']', 20) + "}";

        Assert.Null(Parse(deep));
    }

    [Fact]
    public void TooLargeConfigIsRejected() =>
        Assert.Null(Parse("{\"v\":1,\"pad\":\"" + new string('x', ConfigParser.MaxPayloadBytes) + "\"}"));

    [Fact]
    public void WindowMessageWithAndWithoutDossier()
    {
        var window = RatingWindow.Parse(Encoding.UTF8.GetBytes("{\"v\":1,\"seconds\":120,\"dossier\":\"HS-2026-000123\"}"))!;
        Assert.Equal(120, window.Seconds);
        Assert.Equal("HS-2026-000123", window.Dossier);

        var bare = RatingWindow.Parse(Encoding.UTF8.GetBytes("{\"v\":1,\"seconds\":30,\"future\":true}"))!;
        Assert.Equal(30, bare.Seconds);
        Assert.Null(bare.Dossier);
    }

    [Theory]
    [InlineData("{\"v\":1}")]
    [InlineData("{\"v\":1,\"seconds\":0}")]
    [InlineData("{\"v\":1,\"seconds\":\"120\"}")]
    [InlineData("{\"v\":2,\"seconds\":120}")]
    [InlineData("{\"v\":1,\"seconds\":120,\"dossier\":7}")]
    public void InvalidWindowMessageIsRejected(string json) => Assert.Null(RatingWindow.Parse(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void ParserKeepsNumbersAsTextAndReadsOnlyIntegers()
    {
        var value = JsonParser.Parse("[0,-12,1.5,2e3,123456789012345678]")!;

        Assert.True(value.Item(0).TryGetInteger(out var zero) && zero == 0);
        Assert.True(value.Item(1).TryGetInteger(out var minus) && minus == -12);
        Assert.False(value.Item(2).TryGetInteger(out _));
        Assert.False(value.Item(3).TryGetInteger(out _));
        Assert.True(value.Item(4).TryGetInteger(out var big) && big == 123456789012345678);
    }

    [Theory]
    [InlineData(0, "11:29", false)]
    [InlineData(0, "11:30", true)]
    [InlineData(0, "12:59", true)]
    [InlineData(0, "13:00", false)]
    [InlineData(1, "23:00", true)]
    [InlineData(1, "05:59", true)]
    [InlineData(1, "06:00", false)]
    public void QuietHoursUseVietnamTimeAndMayWrapMidnight(int period, string localTime, bool quiet)
    {
        var config = Parse(Full)!;
        var single = new QuietHours([config.QuietHours.FromMinutes(period)], [config.QuietHours.ToMinutes(period)]);
        var local = QuietHours.ParseTime(localTime);
        // 2026-11-28 00:00 in Vietnam is 2026-11-27 17:00 UTC.
        var unixMs = 1_795_798_800_000 + (local * 60_000L);

        Assert.Equal(quiet, single.Contains(unixMs));
    }

    [Fact]
    public void QuietHoursNeverApplyWithAnUnsynchronisedClock() =>
        Assert.False(new QuietHours([0], [1439]).Contains(60_000));

    private static TerminalConfig? Parse(string json) => ConfigParser.Parse(Encoding.UTF8.GetBytes(json));
}
