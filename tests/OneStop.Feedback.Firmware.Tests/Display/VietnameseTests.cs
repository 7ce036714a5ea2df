using System.Text;
using OneStop.Feedback.Firmware.Core.Display;
using OneStop.Feedback.Firmware.Core.Text;

namespace OneStop.Feedback.Firmware.Tests.Display;

public class VietnameseTests
{
    [Fact]
    public void TheTableAgreesWithUnicodeDecompositionForAll134Letters()
    {
        var count = 0;
        for (var code = 0x80; code <= 0x1EFF; code++)
        {
            var c = (char)code;
            if (!Vietnamese.TryDecompose(c, out var baseLetter, out var shape, out var tone))
            {
                continue;
            }
            count++;
            var expected = new StringBuilder().Append(baseLetter);
            expected.Append(shape switch
            {
                Vietnamese.ShapeBreve => "\u0306",
                Vietnamese.ShapeCircumflex => "\u0302",
                Vietnamese.ShapeHorn => "\u031B",
                _ => "",
            });
            expected.Append(tone switch
            {
                Vietnamese.ToneGrave => "\u0300",
                Vietnamese.ToneHook => "\u0309",
                Vietnamese.ToneTilde => "\u0303",
                Vietnamese.ToneAcute => "\u0301",
                Vietnamese.ToneDotBelow => "\u0323",
                _ => "",
            });
            // FormD orders the dot below (class 220) before the shape marks (class 230/216); compare as sets.
            var actual = c.ToString().Normalize(NormalizationForm.FormD);
            Assert.Equal(expected.ToString().OrderBy(ch => ch), actual.OrderBy(ch => ch));
        }
        // 12 vowel groups × 6 tones × 2 cases, less the 12 unmarked ASCII vowels (a e i o u y, both cases).
        Assert.Equal(144 - 12, count);
    }

    [Theory]
    [InlineData("Cảm ơn ông/bà!", "Cam on ong/ba!")]
    [InlineData("Ông/bà có hài lòng?", "Ong/ba co hai long?")]
    [InlineData("ĐẶNG Đức Thắng, Nguyễn Thị Ánh", "DANG Duc Thang, Nguyen Thi Anh")]
    [InlineData("plain ASCII 123 €", "plain ASCII 123 €")]
    [InlineData("", "")]
    public void FoldRemovesOnlyTheVietnameseMarks(string text, string folded) =>
        Assert.Equal(folded, Vietnamese.Fold(text));

    [Fact]
    public void FoldOfNullIsEmpty() => Assert.Equal("", Vietnamese.Fold(null!));

    [Theory]
    [InlineData("Cảm ơn ông/bà!", new[] { "Cảm ơn ông/bà!" })]
    [InlineData("Ông/bà có hài lòng với dịch vụ?", new[] { "Ông/bà có hài", "lòng với dịch", "vụ?" })]
    [InlineData("Chờ\nmột chút", new[] { "Chờ", "một chút" })]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUV xy", new[] { "ABCDEFGHIJKLMNOP", "QRSTUV xy" })]
    [InlineData("một hai ba bốn năm sáu bảy tám chín mười một mười hai", new[] { "một hai ba bốn", "năm sáu bảy tám", "chín mười một", "mười hai" })]
    [InlineData("một hai ba bốn năm sáu bảy tám chín mười một mười hai mười ba", new[] { "một hai ba bốn", "năm sáu bảy tám", "chín mười một", "mười hai mười ba" })]
    [InlineData("  ", new[] { "" })]
    public void WrapFillsSixteenColumnsAndFourLines(string text, string[] expected) =>
        Assert.Equal(expected, TextLayout.Wrap(text, 16, 4));

    [Fact]
    public void WrapDropsTextBeyondTheLastLine()
    {
        var lines = TextLayout.Wrap("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj", 9, 2);
        Assert.Equal(["aaaa bbbb", "cccc dddd"], lines);
    }

    [Theory]
    [InlineData(14, 16, 1)]
    [InlineData(3, 16, 6)]
    [InlineData(16, 16, 0)]
    [InlineData(20, 16, 0)]
    public void CenteredColumn(int length, int columns, int expected) =>
        Assert.Equal(expected, TextLayout.CenteredColumn(length, columns));
}
