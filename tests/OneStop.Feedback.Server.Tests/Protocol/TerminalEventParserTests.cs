using System.Buffers;
using System.Text;
using OneStop.Feedback.Server.Protocol;

namespace OneStop.Feedback.Server.Tests.Protocol;

public class TerminalEventParserTests
{
    private const long Now = 1_795_600_800_000;

    private static ParseResult<TerminalEvent> Parse(string json) =>
        TerminalEventParser.Parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), Now);

    [Fact]
    public void BadgeEventKeepsTheUidInUpperCase()
    {
        var result = Parse("""{"v":1,"boot":2,"seq":5,"ts":0,"kind":"badge","uid":"04a1b2c3"}""");

        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(("badge", "04A1B2C3"), (result.Value!.Kind, result.Value.BadgeUid));
    }

    [Theory]
    [InlineData("""{"v":1,"boot":2,"seq":5,"ts":0,"kind":"dance"}""", RejectionReason.UnknownEventKind)]
    [InlineData("""{"v":1,"boot":2,"seq":5,"ts":0,"kind":"badge"}""", RejectionReason.MissingField)]
    [InlineData("""{"v":1,"boot":2,"seq":5,"ts":0,"kind":"badge","uid":"zz"}""", RejectionReason.OutOfRange)]
    [InlineData("""{"v":1,"boot":2,"ts":0,"kind":"boot"}""", RejectionReason.MissingField)]
    [InlineData("""{"v":1,"boot":2,"seq":5,"ts":0,"kind":"button-stuck","button":[1]}""", RejectionReason.WrongType)]
    [InlineData("""{"v":3,"kind":"new"}""", RejectionReason.UnsupportedVersion)]
    [InlineData("""{"v":1,"boot":2,"seq":5,"ts":0,"kind":"button-stuck"}""", RejectionReason.MissingField)]
    [InlineData("""{"v":1,"boot":2,"seq":5,"ts":0,"kind":"button-stuck","button":6}""", RejectionReason.OutOfRange)]
    public void InvalidEventsAreRejected(string json, string reason) => Assert.Equal(reason, Parse(json).Reason);
}
