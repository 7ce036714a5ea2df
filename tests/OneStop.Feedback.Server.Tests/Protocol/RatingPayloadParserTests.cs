using System.Buffers;
using System.Text;
using OneStop.Feedback.Server.Protocol;

namespace OneStop.Feedback.Server.Tests.Protocol;

public class RatingPayloadParserTests
{
    private const long Now = 1_795_600_800_000; // 2026-11-25T03:20:00Z

    private static ParseResult<RatingPayload> Parse(string json) =>
        RatingPayloadParser.Parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), Now);

    [Fact]
    public void ValidRatingWithAllCriteriaIsParsed()
    {
        var result = Parse($$$"""{"v":1,"boot":7,"seq":42,"ts":{{{Now - 1000}}},"scale":5,"score":4,"criteria":{"listen":5,"explain":4,"trust":3,"apologize":2,"thank":1}}""");

        Assert.True(result.IsValid, result.Detail);
        var r = result.Value!;
        Assert.Equal((7L, 42L, Now - 1000, 5, 4), (r.Boot, r.Seq, r.Timestamp, r.Scale, r.Score));
        Assert.Equal(new Criteria(5, 4, 3, 2, 1), r.Criteria);
        Assert.True(r.ClockSynced);
    }

    [Fact]
    public void FieldOrderDoesNotMatterAndCriteriaMayBeASubset()
    {
        var result = Parse("""{"criteria":{"thank":3},"score":1,"scale":3,"ts":0,"seq":0,"boot":0,"v":1}""");

        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(new Criteria(null, null, null, null, 3), result.Value!.Criteria);
        Assert.False(result.Value.ClockSynced);
    }

    [Theory]
    [InlineData("""{"v":1,"boot":1,"seq":1,"ts":0,"scale":5,"score":4,"extra":1}""", RejectionReason.UnknownField)]
    [InlineData("""{"v":1,"boot":1,"seq":1,"ts":0,"scale":5,"score":4,"score":5}""", RejectionReason.DuplicateField)]
    [InlineData("""{"v":1,"boot":1,"seq":1,"ts":0,"scale":5}""", RejectionReason.MissingField)]
    [InlineData("""{"v":1,"boot":"1","seq":1,"ts":0,"scale":5,"score":4}""", RejectionReason.WrongType)]
    [InlineData("""{"v":1,"boot":1,"seq":1.5,"ts":0,"scale":5,"score":4}""", RejectionReason.WrongType)]
    [InlineData("""{"v":1,"boot":1,"seq":1,"ts":0,"scale":5,"score":4.0}""", RejectionReason.WrongType)]
    [InlineData("""{"v":1,"boot":1,"seq":1,"ts":0,"scale":5,"score":4,"criteria":[1]}""", RejectionReason.WrongType)]
    [InlineData("""{"v":2,"boot":1,"seq":1,"ts":0,"scale":5,"score":4,"newField":true}""", RejectionReason.UnsupportedVersion)]
    [InlineData("""{"v":1,"boot":-1,"seq":1,"ts":0,"scale":5,"score":4}""", RejectionReason.OutOfRange)]
    [InlineData("""{"v":"1","boot":1,"seq":1,"ts":0,"scale":5,"score":4}""", RejectionReason.WrongType)]
    [InlineData("""{"v":-1,"boot":1,"seq":1,"ts":0,"scale":5,"score":4}""", RejectionReason.OutOfRange)]
    [InlineData("""{"v":1,"boot":4294967296,"seq":1,"ts":0,"scale":5,"score":4}""", RejectionReason.OutOfRange)]
    [InlineData("""{"v":1,"boot":1,"seq":99999999999999999999999,"ts":0,"scale":5,"score":4}""", RejectionReason.OutOfRange)]
    [InlineData("""{"v":1,"boot":1,"seq":1,"ts":0,"scale":6,"score":4}""", RejectionReason.InvalidScale)]
    [InlineData("""{"v":1,"boot":1,"seq":1,"ts":0,"scale":2,"score":1}""", RejectionReason.InvalidScale)]
    [InlineData("""{"v":1,"boot":1,"seq":1,"ts":0,"scale":4,"score":5}""", RejectionReason.ScoreOutOfRange)]
    [InlineData("""{"v":1,"boot":1,"seq":1,"ts":0,"scale":4,"score":0}""", RejectionReason.ScoreOutOfRange)]
    [InlineData("""{"v":1,"boot":1,"seq":1,"ts":0,"scale":5,"score":4,"criteria":{"smile":5}}""", RejectionReason.UnknownCriterion)]
    [InlineData("""{"v":1,"boot":1,"seq":1,"ts":0,"scale":3,"score":3,"criteria":{"listen":4}}""", RejectionReason.CriterionOutOfRange)]
    [InlineData("""{"v":1,"boot":1,"seq":1,"ts":0,"scale":3,"score":3,"criteria":{"listen":1,"listen":2}}""", RejectionReason.DuplicateField)]
    [InlineData("""[1,2]""", RejectionReason.NotAnObject)]
    [InlineData("""42""", RejectionReason.NotAnObject)]
    [InlineData("""{"v":1,""", RejectionReason.InvalidJson)]
    [InlineData("""{"v":1} trailing""", RejectionReason.InvalidJson)]
    [InlineData("""{"v":1,"boot":1,"seq":1,"ts":0,"scale":5,"score":4,"criteria":{"listen":{"deep":1}}}""", RejectionReason.InvalidJson)]
    [InlineData("", RejectionReason.InvalidJson)]
    public void InvalidPayloadIsRejectedWithItsReason(string json, string reason)
    {
        var result = Parse(json);

        Assert.False(result.IsValid);
        Assert.Equal(reason, result.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }

    [Theory]
    [InlineData(300_000, true)]
    [InlineData(300_001, false)]
    public void TimestampMayRunAtMostFiveMinutesAhead(long ahead, bool accepted)
    {
        var result = Parse($$"""{"v":1,"boot":1,"seq":1,"ts":{{Now + ahead}},"scale":5,"score":4}""");

        Assert.Equal(accepted, result.IsValid);
        if (!accepted)
        {
            Assert.Equal(RejectionReason.TimestampInFuture, result.Reason);
        }
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void TimestampMayBeAtMostNinetyDaysOld(long beyond, bool accepted)
    {
        var ninetyDays = (long)TimeSpan.FromDays(90).TotalMilliseconds;
        var result = Parse($$"""{"v":1,"boot":1,"seq":1,"ts":{{Now - ninetyDays - beyond}},"scale":5,"score":4}""");

        Assert.Equal(accepted, result.IsValid);
        if (!accepted)
        {
            Assert.Equal(RejectionReason.TimestampTooOld, result.Reason);
        }
    }

    [Fact]
    public void PayloadOverOneKibibyteIsRejectedBeforeParsing()
    {
        var padded = """{"v":1,"boot":1,"seq":1,"ts":0,"scale":5,"score":4}""" + new string(' ', 1024);

        Assert.Equal(RejectionReason.PayloadTooLarge, Parse(padded).Reason);
    }

    [Fact]
    public void InvalidUtf8IsRejected()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"v":1,"boot":1,"seq":1,"ts":0,"scale":5,"score":4,"x":"__"}""");
        bytes[^4] = 0xC3; // a lead byte followed by ASCII: malformed sequence
        var result = RatingPayloadParser.Parse(new ReadOnlySequence<byte>(bytes), Now);

        Assert.Equal(RejectionReason.InvalidUtf8, result.Reason);
    }

    [Fact]
    public void PayloadSplitAcrossSegmentsParsesTheSame()
    {
        var json = Encoding.UTF8.GetBytes("""{"v":1,"boot":3,"seq":9,"ts":0,"scale":4,"score":2,"criteria":{"trust":1}}""");
        var first = new Segment(json.AsMemory(0, 20));
        var last = first.Append(json.AsMemory(20));
        var result = RatingPayloadParser.Parse(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length), Now);

        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(new Criteria(null, null, 1, null, null), result.Value!.Criteria);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
