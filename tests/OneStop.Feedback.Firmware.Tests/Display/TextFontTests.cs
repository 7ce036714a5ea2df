using System.Numerics;
using System.Text;
using OneStop.Feedback.Firmware.Core.Config;
using OneStop.Feedback.Firmware.Core.Display;
using OneStop.Feedback.Firmware.Core.Protocol;
using OneStop.Feedback.Firmware.Core.Session;
using OneStop.Feedback.Firmware.Core.Text;
using OneStop.Feedback.Firmware.Tests.Support;
using Xunit.Abstractions;

namespace OneStop.Feedback.Firmware.Tests.Display;

public class TextFontTests(ITestOutputHelper output)
{
    private static readonly string GeneratedFile = Path.Combine(RepositoryPaths.Root, "firmware", "src", "Core", "Display", "AsciiGlyphs.cs");

    [Fact]
    public void AsciiGlyphsAreTheGeneratorsOutput()
    {
        var expected = AsciiGlyphsGenerator.Source(AsciiGlyphsGenerator.Render());
        if (Environment.GetEnvironmentVariable("ONESTOP_WRITE_FONT") == "1")
        {
            File.WriteAllText(GeneratedFile, expected);
        }
        Assert.Equal(expected, File.ReadAllText(GeneratedFile).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void GlyphsLeaveTheRowsAboveCapitalsFreeForMarks()
    {
        var font = new TextFont();
        foreach (var c in "ABCDEGHIOUYaceouy")
        {
            var glyph = font.Glyph(c);
            Assert.True(glyph.Take(4).All(row => row == 0), $"'{c}' reaches into the mark rows 0-3");
            Assert.True(glyph.Skip(4).Take(9).Any(row => row != 0), $"'{c}' is blank");
        }
        foreach (var c in "aceouy")
        {
            Assert.True(font.Glyph(c).Take(6).All(row => row == 0), $"lowercase '{c}' reaches above the x-height");
        }
    }

    [Fact]
    public void EveryVietnameseLetterIsItsBasePlusMarksAndDistinct()
    {
        var font = new TextFont();
        var seen = new Dictionary<string, char>();
        foreach (var c in AllVietnameseLetters())
        {
            Assert.True(TextFont.CanShow(c), $"'{c}'");
            var glyph = font.Glyph(c);
            var key = Convert.ToHexString(glyph);
            Assert.False(seen.TryGetValue(key, out var twin), $"'{c}' looks like '{twin}'");
            seen[key] = c;

            var baseGlyph = font.Glyph(Vietnamese.FoldChar(c));
            var added = 0;
            for (var row = 0; row < TextFont.Height; row++)
            {
                if (Vietnamese.FoldChar(c) is 'i' && row < 6)
                {
                    added += BitCount(glyph[row] ^ baseGlyph[row]); // a tone replaces the i's dot
                    continue;
                }
                Assert.Equal(baseGlyph[row], (byte)(glyph[row] & baseGlyph[row]));
                added += BitCount(glyph[row] & ~baseGlyph[row]);
            }
            Assert.True(added > 0, $"'{c}' has no mark");
        }
    }

    [Fact]
    public void UnknownCharactersShowAsAQuestionMark()
    {
        var font = new TextFont();
        Assert.False(TextFont.CanShow('€'));
        Assert.False(TextFont.CanShow('\n'));
        Assert.Equal(font.Glyph('?'), font.Glyph('€'));
        Assert.Equal(font.Glyph('?'), font.Glyph('功'));
    }

    [Fact]
    public void TheTerminalsOwnTextsNeedNoFallbackGlyph()
    {
        var config = new TerminalConfig();
        var texts = new List<string>
        {
            config.QuestionLabel, config.ThanksLabel, RatingSession.FullText,
            Labels.FollowUpQuestion("vi"), Labels.FollowUpQuestion("en"),
        };
        for (var i = 0; i < Criterion.Count; i++)
        {
            texts.Add(Labels.CriterionQuestion(i, "vi"));
            texts.Add(Labels.CriterionQuestion(i, "en"));
        }
        foreach (var text in texts)
        {
            Assert.All(text, c => Assert.True(TextFont.CanShow(c), $"'{c}' of \"{text}\""));
        }
    }

    [Fact]
    public void PreviewOfTheThankYouScreen()
    {
        // The screen as ASCII art in the test log: lets a reviewer see the composed marks without hardware.
        var font = new TextFont();
        var art = Render(font, "Cảm ơn ông/bà!");
        foreach (var line in art.Concat(Render(font, "ẤỄỢĐđịÍYỵƯữ?€")))
        {
            output.WriteLine(line);
        }
        Assert.Equal(TextFont.Height, art.Length);
        Assert.Contains('#', art[2] + art[3] + art[4]); // marks above the x-height (ả, ơ's horn, ô, à)
        Assert.Equal(14 * 8, art[8].Length);
    }

    private static string[] Render(TextFont font, string text)
    {
        var lines = new string[TextFont.Height];
        for (var row = 0; row < TextFont.Height; row++)
        {
            var line = new StringBuilder();
            foreach (var c in text)
            {
                var bits = font.Glyph(c)[row];
                for (var x = 0; x < 8; x++)
                {
                    line.Append((bits & (1 << x)) != 0 ? '#' : '.');
                }
            }
            lines[row] = line.ToString();
        }
        return lines;
    }

    private static IEnumerable<char> AllVietnameseLetters()
    {
        // Every precomposed Latin letter whose decomposition is a base vowel plus Vietnamese marks only.
        var marks = new HashSet<char> { '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031B' };
        for (var code = 0xC0; code <= 0x1EFF; code++)
        {
            var c = (char)code;
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length >= 2 && "aeiouyAEIOUY".Contains(decomposed[0]) && decomposed.Skip(1).All(marks.Contains)
                && !(decomposed.Contains('\u0302') && decomposed.Contains('\u0306'))
                && !(decomposed.Contains('\u031B') && !"ouOU".Contains(decomposed[0]))
                && !(decomposed.Contains('\u0306') && decomposed[0] is not ('a' or 'A'))
                && !(decomposed.Contains('\u0302') && decomposed[0] is not ('a' or 'A' or 'e' or 'E' or 'o' or 'O'))
                && decomposed.Skip(1).Count(m => m is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323') <= 1)
            {
                yield return c;
            }
        }
        yield return Vietnamese.SmallDStroke;
        yield return Vietnamese.CapitalDStroke;
    }

    private static int BitCount(int value) => BitOperations.PopCount((uint)value);
}
