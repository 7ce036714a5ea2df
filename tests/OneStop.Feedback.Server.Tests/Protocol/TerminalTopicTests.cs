using OneStop.Feedback.Server.Protocol;

namespace OneStop.Feedback.Server.Tests.Protocol;

public class TerminalTopicTests
{
    [Theory]
    [InlineData("onestop/v1/t/T-01_a/rating", "T-01_a", TopicKind.Rating)]
    [InlineData("onestop/v1/t/x/event", "x", TopicKind.Event)]
    [InlineData("onestop/v1/t/x/status", "x", TopicKind.Status)]
    [InlineData("onestop/v1/t/x/config", "x", TopicKind.Config)]
    [InlineData("onestop/v1/t/x/window", "x", TopicKind.Window)]
    public void TerminalTopicsParse(string topic, string id, TopicKind kind)
    {
        Assert.True(TerminalTopic.TryParse(topic, out var parsed));
        Assert.Equal(new TerminalTopic(id, kind), parsed);
        Assert.Equal(topic, parsed.ToString());
    }

    [Theory]
    [InlineData("onestop/v1/t//rating")]
    [InlineData("onestop/v1/t/a b/rating")]
    [InlineData("onestop/v1/t/x/ratings")]
    [InlineData("onestop/v1/t/x/rating/extra")]
    [InlineData("onestop/v2/t/x/rating")]
    [InlineData("onestop/v1/t/+/rating")]
    [InlineData("other/topic")]
    [InlineData("")]
    public void OtherTopicsDoNotParse(string topic) => Assert.False(TerminalTopic.TryParse(topic, out _));

    [Fact]
    public void TerminalIdsAreLimitedToSixtyFourSafeCharacters()
    {
        Assert.True(TerminalId.IsValid(new string('a', 64)));
        Assert.False(TerminalId.IsValid(new string('a', 65)));
        Assert.False(TerminalId.IsValid("Đ1"));
        Assert.False(TerminalId.IsValid("a/b"));
        Assert.False(TerminalId.IsValid(""));
    }
}
