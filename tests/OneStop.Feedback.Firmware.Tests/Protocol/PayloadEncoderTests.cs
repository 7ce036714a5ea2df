using System.Text;
using System.Text.Json;
using OneStop.Feedback.Firmware.Core.Protocol;
using OneStop.Feedback.Firmware.Tests.Support;

namespace OneStop.Feedback.Firmware.Tests.Protocol;

public class PayloadEncoderTests
{
    public static TheoryData<string> RatingVectors() => Names("rating-payloads.json");

    public static TheoryData<string> EventVectors() => Names("event-payloads.json");

    [Theory]
    [MemberData(nameof(RatingVectors))]
    public void EveryRatingVectorIsEncodedByteForByte(string name)
    {
        var vector = Find("rating-payloads.json", name);
        var input = vector.GetProperty("input");
        int[]? criteria = null;
        if (input.TryGetProperty("criteria", out var c))
        {
            criteria = new int[Criterion.Count];
            foreach (var p in c.EnumerateObject())
            {
                criteria[Criterion.IndexOf(p.Name)] = p.Value.GetInt32();
            }
        }
        var message = TerminalMessage.Rating(input.GetProperty("boot").GetUInt32(), input.GetProperty("seq").GetUInt32(),
            input.GetProperty("ts").GetInt64(), input.GetProperty("scale").GetInt32(), input.GetProperty("score").GetInt32(), criteria);

        Assert.Equal(Encoding.UTF8.GetBytes(vector.GetProperty("payload").GetString()!), PayloadEncoder.Encode(message));
    }

    [Theory]
    [MemberData(nameof(EventVectors))]
    public void EveryEventVectorIsEncodedByteForByte(string name)
    {
        var vector = Find("event-payloads.json", name);
        var input = vector.GetProperty("input");
        var boot = input.GetProperty("boot").GetUInt32();
        var seq = input.GetProperty("seq").GetUInt32();
        var ts = input.GetProperty("ts").GetInt64();
        var message = input.GetProperty("kind").GetString() switch
        {
            "badge" => TerminalMessage.BadgeEvent(boot, seq, ts, Convert.FromHexString(input.GetProperty("uid").GetString()!)),
            "button-stuck" => TerminalMessage.ButtonStuckEvent(boot, seq, ts, input.GetProperty("button").GetInt32()),
            "boot" => TerminalMessage.SimpleEvent(MessageKind.Boot, boot, seq, ts),
            "watchdog" => TerminalMessage.SimpleEvent(MessageKind.Watchdog, boot, seq, ts),
            var kind => throw new InvalidOperationException("unknown kind " + kind),
        };

        Assert.Equal(Encoding.UTF8.GetBytes(vector.GetProperty("payload").GetString()!), PayloadEncoder.Encode(message));
    }

    [Fact]
    public void VectorsCoverEveryRatingRejectionReasonAPayloadCanTrigger()
    {
        string[] reasons =
        [
            "accept", "payload-too-large", "invalid-utf8", "invalid-json", "not-an-object", "duplicate-field", "unknown-field",
            "missing-field", "wrong-type", "unsupported-version", "out-of-range", "invalid-scale", "score-out-of-range",
            "unknown-criterion", "criterion-out-of-range", "timestamp-in-future", "timestamp-too-old",
        ];
        var expected = Load("rating-payloads.json").GetProperty("decode").EnumerateArray()
            .Select(v => v.GetProperty("expect").GetString()).ToHashSet();

        Assert.All(reasons, r => Assert.Contains(r, expected));
    }

    [Fact]
    public void TopicsFollowTheV1Layout()
    {
        Assert.Equal("onestop/v1/t/T-01/rating", Topics.Rating("T-01"));
        Assert.Equal("onestop/v1/t/T-01/event", Topics.Event("T-01"));
        Assert.Equal("onestop/v1/t/T-01/status", Topics.Status("T-01"));
        Assert.Equal("onestop/v1/t/T-01/config", Topics.Config("T-01"));
        Assert.Equal("onestop/v1/t/T-01/window", Topics.Window("T-01"));
        Assert.Equal("onestop/v1/t/T-01/event", PayloadEncoder.TopicFor(TerminalMessage.SimpleEvent(MessageKind.Boot, 1, 1, 0), "T-01"));
    }

    [Fact]
    public void StatusPayloadHasTheDocumentedFieldsInOrder()
    {
        Assert.Equal("{\"v\":1,\"state\":\"online\",\"boot\":12,\"fw\":\"1.0.0\",\"outbox\":3,\"rssi\":-67,\"heap\":48211,\"uptime\":3600}",
            StatusPayload.Online(12, "1.0.0", 3, -67, 48211, 3600));
        Assert.Equal("offline"u8.ToArray(), StatusPayload.OfflineBytes());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1_000, 0)]
    [InlineData(1_704_067_199_999, 0)]
    [InlineData(1_704_067_200_000, 1_704_067_200_000)]
    [InlineData(1_795_600_800_000, 1_795_600_800_000)]
    public void ClockReadingsBefore2024AreSentAsZero(long clock, long expected) =>
        Assert.Equal(expected, Timestamps.ForPayload(clock));

    [Fact]
    public void RatingOffTheScaleCannotBeBuilt()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TerminalMessage.Rating(1, 1, 0, 5, 6, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => TerminalMessage.Rating(1, 1, 0, 6, 1, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => TerminalMessage.Rating(1, 1, 0, 3, 2, [4, 0, 0, 0, 0]));
        Assert.Throws<ArgumentException>(() => TerminalMessage.BadgeEvent(1, 1, 0, [1, 2, 3]));
    }

    private static TheoryData<string> Names(string file)
    {
        var data = new TheoryData<string>();
        foreach (var v in Load(file).GetProperty("encode").EnumerateArray())
        {
            data.Add(v.GetProperty("name").GetString()!);
        }
        return data;
    }

    private static JsonElement Find(string file, string name) =>
        Load(file).GetProperty("encode").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);

    private static JsonElement Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Vectors(file))).RootElement.Clone();
}
