namespace OneStop.Feedback.Firmware.Core.Text
{
    /// <summary>
    /// The precomposed Vietnamese letters as base letter + vowel shape (circumflex, breve, horn) + tone mark, so a
    /// display whose font has only ASCII glyphs can compose them (<see cref="Display.TextFont"/>) or fall back to
    /// unaccented text (<see cref="Fold"/>). nanoFramework has no <c>string.Normalize</c>, hence this table; the
    /// host tests check every entry against .NET's Unicode decomposition.
    /// </summary>
    public static class Vietnamese
    {
        public const int ShapeNone = 0;
        public const int ShapeBreve = 1;
        public const int ShapeCircumflex = 2;
        public const int ShapeHorn = 3;

        /// <summary>Tones in the order of each group below: level (none), grave, hook above, tilde, acute, dot below.</summary>
        public const int ToneNone = 0;
        public const int ToneGrave = 1;
        public const int ToneHook = 2;
        public const int ToneTilde = 3;
        public const int ToneAcute = 4;
        public const int ToneDotBelow = 5;

        // 12 vowel groups × 6 tones, lowercase then uppercase.
        private const string Letters =
            "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵ" +
            "AÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬEÈẺẼÉẸÊỀỂỄẾỆIÌỈĨÍỊOÒỎÕÓỌÔỒỔỖỐỘƠỜỞỠỚỢUÙỦŨÚỤƯỪỬỮỨỰYỲỶỸÝỴ";

        private const string GroupBase = "aaaeeiooouuy";
        private static readonly int[] GroupShape = new int[]
        {
            ShapeNone, ShapeBreve, ShapeCircumflex, ShapeNone, ShapeCircumflex, ShapeNone,
            ShapeNone, ShapeCircumflex, ShapeHorn, ShapeNone, ShapeHorn, ShapeNone,
        };

        /// <summary>The lowercase and uppercase d with stroke.</summary>
        public const char SmallDStroke = '\u0111';
        public const char CapitalDStroke = '\u0110';

        /// <summary>
        /// Splits a Vietnamese vowel letter into its ASCII base, shape and tone. False for any other character
        /// (including đ/Đ, which have a stroke rather than a mark; see <see cref="IsDStroke"/>).
        /// </summary>
        public static bool TryDecompose(char c, out char baseLetter, out int shape, out int tone)
        {
            int index = c < 0x80 ? -1 : IndexOfLetter(c);
            if (index < 0)
            {
                baseLetter = c;
                shape = ShapeNone;
                tone = ToneNone;
                return false;
            }
            bool upper = index >= 72;
            int inCase = upper ? index - 72 : index;
            int group = inCase / 6;
            char b = GroupBase[group];
            baseLetter = upper ? (char)(b - 'a' + 'A') : b;
            shape = GroupShape[group];
            tone = inCase % 6;
            return true;
        }

        public static bool IsDStroke(char c) => c == SmallDStroke || c == CapitalDStroke;

        /// <summary>Removes the Vietnamese marks: "Cảm ơn ông/bà!" becomes "Cam on ong/ba!". Other characters stay.</summary>
        public static string Fold(string text)
        {
            if (text == null)
            {
                return string.Empty;
            }
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = FoldChar(chars[i]);
            }
            return new string(chars);
        }

        /// <summary>The unaccented form of one character.</summary>
        public static char FoldChar(char c)
        {
            if (c == SmallDStroke)
            {
                return 'd';
            }
            if (c == CapitalDStroke)
            {
                return 'D';
            }
            char b;
            int shape;
            int tone;
            return TryDecompose(c, out b, out shape, out tone) ? b : c;
        }

        private static int IndexOfLetter(char c)
        {
            for (int i = 0; i < Letters.Length; i++)
            {
                if (Letters[i] == c)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
