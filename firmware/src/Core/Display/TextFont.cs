using System;
using OneStop.Feedback.Firmware.Core.Text;

namespace OneStop.Feedback.Firmware.Core.Display
{
    /// <summary>
    /// An 8×16 monochrome font for the optional SSD1306 OLED that shows Vietnamese with its marks. The 95 ASCII
    /// glyphs are rendered at build time from DejaVu Sans Mono (<see cref="AsciiGlyphs"/>, generated and checked by
    /// a host test); each Vietnamese letter is composed from its ASCII base plus drawn marks (breve, circumflex,
    /// horn, the five tones, the stroke of đ), using <see cref="Vietnamese.TryDecompose"/>. Anything else shows
    /// as '?'. A glyph is 16 bytes, one per row from the top, bit 0 = leftmost pixel: the layout that
    /// Iot.Device.Ssd13xx's <c>IFont</c> indexer returns for an 8-pixel-wide font.
    /// </summary>
    public sealed class TextFont
    {
        public const int Width = 8;
        public const int Height = 16;
        private const int FirstChar = 0x20;
        private const int LastChar = 0x7E;

        // Rows of the cell: capitals span 4–12, lowercase x-height 6–12, descenders 13–15 (see AsciiGlyphs).
        private static readonly byte[] Grave = Rows("..##....", "...##...");
        private static readonly byte[] Acute = Rows("....##..", "...##...");
        private static readonly byte[] Hook = Rows("..###...", "....#...");
        private static readonly byte[] Tilde = Rows("..##..#.", ".#..##..");
        private static readonly byte[] DotBelow = Rows("...##...", "...##...");
        private static readonly byte[] Circumflex = Rows("...##...", "..#..#..");
        private static readonly byte[] Breve = Rows("..#..#..", "...##...");
        private static readonly byte[] Horn = Rows("......##", "......#.");

        private readonly byte[] _ascii;

        public TextFont()
        {
            _ascii = Convert.FromBase64String(AsciiGlyphs.Base64);
            if (_ascii.Length != (LastChar - FirstChar + 1) * Height)
            {
                throw new InvalidOperationException("AsciiGlyphs has " + _ascii.Length + " bytes");
            }
        }

        /// <summary>True when <paramref name="c"/> has its own glyph (ASCII, a Vietnamese letter, đ/Đ), not '?'.</summary>
        public static bool CanShow(char c)
        {
            char b;
            int shape;
            int tone;
            return (c >= FirstChar && c <= LastChar) || Vietnamese.IsDStroke(c) || Vietnamese.TryDecompose(c, out b, out shape, out tone);
        }

        /// <summary>The 16 rows of <paramref name="c"/>'s glyph (a new array).</summary>
        public byte[] Glyph(char c)
        {
            byte[] glyph = new byte[Height];
            if (c >= FirstChar && c <= LastChar)
            {
                CopyAscii(c, glyph);
                return glyph;
            }
            if (c == Vietnamese.SmallDStroke)
            {
                CopyAscii('d', glyph);
                glyph[4] |= Row("....####");
                return glyph;
            }
            if (c == Vietnamese.CapitalDStroke)
            {
                CopyAscii('D', glyph);
                glyph[8] |= Row("####....");
                return glyph;
            }
            char baseLetter;
            int shape;
            int tone;
            if (!Vietnamese.TryDecompose(c, out baseLetter, out shape, out tone))
            {
                CopyAscii('?', glyph);
                return glyph;
            }
            CopyAscii(baseLetter, glyph);
            bool upper = baseLetter >= 'A' && baseLetter <= 'Z';
            if (baseLetter == 'i' && tone != Vietnamese.ToneNone && tone != Vietnamese.ToneDotBelow)
            {
                // The tone replaces the dot of the i.
                for (int row = 0; row < 6; row++)
                {
                    glyph[row] = 0;
                }
            }
            bool stacked = shape == Vietnamese.ShapeBreve || shape == Vietnamese.ShapeCircumflex;
            int shapeRow = upper ? 2 : 4;
            if (shape == Vietnamese.ShapeBreve)
            {
                Overlay(glyph, Breve, shapeRow);
            }
            else if (shape == Vietnamese.ShapeCircumflex)
            {
                Overlay(glyph, Circumflex, shapeRow);
            }
            else if (shape == Vietnamese.ShapeHorn)
            {
                Overlay(glyph, Horn, shapeRow);
            }
            int toneRow = stacked ? (upper ? 0 : 1) : (upper ? 1 : 3);
            switch (tone)
            {
                case Vietnamese.ToneGrave:
                    Overlay(glyph, Grave, toneRow);
                    break;
                case Vietnamese.ToneHook:
                    Overlay(glyph, Hook, toneRow);
                    break;
                case Vietnamese.ToneTilde:
                    Overlay(glyph, Tilde, toneRow);
                    break;
                case Vietnamese.ToneAcute:
                    Overlay(glyph, Acute, toneRow);
                    break;
                case Vietnamese.ToneDotBelow:
                    Overlay(glyph, DotBelow, 14);
                    break;
            }
            return glyph;
        }

        private void CopyAscii(char c, byte[] glyph) => Array.Copy(_ascii, (c - FirstChar) * Height, glyph, 0, Height);

        private static void Overlay(byte[] glyph, byte[] mark, int top)
        {
            for (int i = 0; i < mark.Length; i++)
            {
                glyph[top + i] |= mark[i];
            }
        }

        private static byte[] Rows(string first, string second) => new byte[] { Row(first), Row(second) };

        /// <summary>"#" = lit pixel, leftmost character = bit 0.</summary>
        private static byte Row(string pattern)
        {
            int value = 0;
            for (int x = 0; x < pattern.Length; x++)
            {
                if (pattern[x] == '#')
                {
                    value |= 1 << x;
                }
            }
            return (byte)value;
        }
    }
}
