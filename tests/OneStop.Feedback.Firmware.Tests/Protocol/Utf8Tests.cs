using System.Text;
using OneStop.Feedback.Firmware.Core.Text;

namespace OneStop.Feedback.Firmware.Tests.Protocol;

public class Utf8Tests
{
    [Theory]
    [InlineData("Cảm ơn ông/bà!")]
    [InlineData("Rất không hài lòng")]
    [InlineData("plain ascii")]
    [InlineData("emoji 😀 and ₫")]
    [InlineData("")]
    public void EncodingAndDecodingMatchTheRuntime(string text)
    {
        var expected = Encoding.UTF8.GetBytes(text);

        Assert.Equal(expected, Utf8.Encode(text));
        Assert.Equal(text, Utf8.Decode(expected, 0, expected.Length));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xE1, 0xBA })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0x41, 0x80 })]
    public void MalformedBytesDecodeToNull(byte[] bytes) => Assert.Null(Utf8.Decode(bytes, 0, bytes.Length));

    [Fact]
    public void IntegersAreWrittenWithoutCultureFormatting()
    {
        var buffer = new CharBuffer(4);
        buffer.AppendInteger(long.MinValue);
        buffer.Append(' ');
        buffer.AppendInteger(0);
        buffer.Append(' ');
        buffer.AppendInteger(4294967295);
        buffer.Append(' ');
        buffer.AppendJsonString("a\"b\\c\n");

        Assert.Equal("-9223372036854775808 0 4294967295 \"a\\\"b\\\\c\\u000A\"", buffer.ToString());
    }
}
