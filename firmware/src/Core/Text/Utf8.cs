namespace OneStop.Feedback.Firmware.Core.Text
{
    /// <summary>
    /// UTF-8 without System.Text: nanoFramework keeps Encoding in a separate package, and the Core must stay on
    /// mscorlib alone. Decoding is strict (overlong forms, surrogates and truncated sequences give null) so that a
    /// damaged config message is rejected rather than shown as garbage on the display.
    /// </summary>
    public static class Utf8
    {
        public static int ByteCount(string text)
        {
            int count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    count += 1;
                }
                else if (c < 0x800)
                {
                    count += 2;
                }
                else if (IsHighSurrogate(c) && i + 1 < text.Length && IsLowSurrogate(text[i + 1]))
                {
                    count += 4;
                    i++;
                }
                else
                {
                    count += 3;
                }
            }
            return count;
        }

        /// <summary>Encodes a string; a lone surrogate becomes U+FFFD.</summary>
        public static byte[] Encode(string text)
        {
            byte[] bytes = new byte[ByteCount(text)];
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (IsHighSurrogate((char)c) && i + 1 < text.Length && IsLowSurrogate(text[i + 1]))
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    i++;
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    c = 0xFFFD;
                }
                if (c < 0x80)
                {
                    bytes[n++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    bytes[n++] = (byte)(0xC0 | (c >> 6));
                    bytes[n++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (c < 0x10000)
                {
                    bytes[n++] = (byte)(0xE0 | (c >> 12));
                    bytes[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    bytes[n++] = (byte)(0x80 | (c & 0x3F));
                }
                else
                {
                    bytes[n++] = (byte)(0xF0 | (c >> 18));
                    bytes[n++] = (byte)(0x80 | ((c >> 12) & 0x3F));
                    bytes[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    bytes[n++] = (byte)(0x80 | (c & 0x3F));
                }
            }
            return bytes;
        }

        /// <summary>Decodes strictly; null when the bytes are not well-formed UTF-8.</summary>
        public static string Decode(byte[] bytes, int offset, int count)
        {
            CharBuffer chars = new CharBuffer(count);
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                int b = bytes[i];
                int needed;
                int cp;
                int min;
                if (b < 0x80)
                {
                    chars.Append((char)b);
                    i++;
                    continue;
                }
                else if ((b & 0xE0) == 0xC0)
                {
                    needed = 1;
                    cp = b & 0x1F;
                    min = 0x80;
                }
                else if ((b & 0xF0) == 0xE0)
                {
                    needed = 2;
                    cp = b & 0x0F;
                    min = 0x800;
                }
                else if ((b & 0xF8) == 0xF0)
                {
                    needed = 3;
                    cp = b & 0x07;
                    min = 0x10000;
                }
                else
                {
                    return null;
                }
                if (i + needed >= end)
                {
                    return null;
                }
                for (int k = 1; k <= needed; k++)
                {
                    int next = bytes[i + k];
                    if ((next & 0xC0) != 0x80)
                    {
                        return null;
                    }
                    cp = (cp << 6) | (next & 0x3F);
                }
                if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                {
                    return null;
                }
                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    chars.Append((char)(0xD800 + (cp >> 10)));
                    chars.Append((char)(0xDC00 + (cp & 0x3FF)));
                }
                else
                {
                    chars.Append((char)cp);
                }
                i += needed + 1;
            }
            return chars.ToString();
        }

        private static bool IsHighSurrogate(char c) => c >= 0xD800 && c <= 0xDBFF;

        private static bool IsLowSurrogate(char c) => c >= 0xDC00 && c <= 0xDFFF;
    }
}
