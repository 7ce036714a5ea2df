using System.Buffers;
using System.Text;
using System.Text.Json;
using OneStop.Feedback.Server.Protocol;
using OneStop.Feedback.Server.Tests.Support;

namespace OneStop.Feedback.Server.Tests.Protocol;

/// <summary>
/// The shared vectors in tests/vectors/ pin the protocol on both sides: every payload the firmware encoder
/// produces must be accepted here, and every decode case must get exactly the expected verdict.
/// </summary>
public class SharedVectorTests
{
    public static TheoryData<string, string> RatingCases() => Cases("rating-payloads.json");

    public static TheoryData<string, string> EventCases() => Cases("event-payloads.json");

    [Theory]
    [MemberData(nameof(RatingCases))]
    public void RatingVectorGetsItsVerdict(string name, string expect)
    {
        var (now, payload) = Find("rating-payloads.json", name);
        var result = RatingPayloadParser.Parse(new ReadOnlySequence<byte>(payload), now);

        Assert.True(expect == (result.IsValid ? "accept" : result.Reason), $"{name}: expected {expect}, got {(result.IsValid ? "accept" : result.Reason + " (" + result.Detail + ")")}");
    }

    [Theory]
    [MemberData(nameof(EventCases))]
    public void EventVectorGetsItsVerdict(string name, string expect)
    {
        var (now, payload) = Find("event-payloads.json", name);
        var result = TerminalEventParser.Parse(new ReadOnlySequence<byte>(payload), now);

        Assert.True(expect == (result.IsValid ? "accept" : result.Reason), $"{name}: expected {expect}, got {(result.IsValid ? "accept" : result.Reason + " (" + result.Detail + ")")}");
    }

    [Fact]
    public void VectorsCoverEveryPayloadReasonCode()
    {
        var expected = new[]
        {
            RejectionReason.PayloadTooLarge, RejectionReason.InvalidUtf8, RejectionReason.InvalidJson, RejectionReason.NotAnObject,
            RejectionReason.DuplicateField, RejectionReason.UnknownField, RejectionReason.MissingField, RejectionReason.WrongType,
            RejectionReason.UnsupportedVersion, RejectionReason.OutOfRange, RejectionReason.InvalidScale, RejectionReason.ScoreOutOfRange,
            RejectionReason.UnknownCriterion, RejectionReason.CriterionOutOfRange, RejectionReason.TimestampInFuture, RejectionReason.TimestampTooOld,
        };
        var covered = RatingCases().Select(c => (string)c[1]).ToHashSet();

        Assert.Equal([], expected.Where(r => !covered.Contains(r)).ToArray());
        Assert.Contains(EventCases(), c => (string)c[1] == RejectionReason.UnknownEventKind);
    }

    private static TheoryData<string, string> Cases(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Vectors(file)));
        var data = new TheoryData<string, string>();
        foreach (var e in doc.RootElement.GetProperty("encode").EnumerateArray())
        {
            data.Add("encode: " + e.GetProperty("name").GetString()!, "accept");
        }
        foreach (var d in doc.RootElement.GetProperty("decode").EnumerateArray())
        {
            data.Add("decode: " + d.GetProperty("name").GetString()!, d.GetProperty("expect").GetString()!);
        }
        return data;
    }

    private static (long Now, byte[] Payload) Find(string file, string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Vectors(file)));
        var now = doc.RootElement.GetProperty("now").GetInt64();
        var (section, plain) = name.StartsWith("encode: ", StringComparison.Ordinal) ? ("encode", name[8..]) : ("decode", name[8..]);
        var entry = doc.RootElement.GetProperty(section).EnumerateArray().First(e => e.GetProperty("name").GetString() == plain);
        var payload = entry.TryGetProperty("payloadBase64", out var b64)
            ? Convert.FromBase64String(b64.GetString()!)
            : Encoding.UTF8.GetBytes(entry.GetProperty("payload").GetString()!);
        return (now, payload);
    }
}
