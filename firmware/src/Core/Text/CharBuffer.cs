using System;

namespace OneStop.Feedback.Firmware.Core.Text
{
    /// <summary>
    /// A growable character buffer: nanoFramework's mscorlib has no StringBuilder, and the payload encoders need
    /// culture-free integer formatting anyway (the output must be byte-exact on both runtimes).
    /// </summary>
    public sealed class CharBuffer
    {
        private char[] _chars;
        private int _length;

        public CharBuffer(int capacity)
        {
            _chars = new char[capacity < 16 ? 16 : capacity];
        }

        public int Length => _length;

        public void Clear() => _length = 0;

        public void Append(char c)
        {
            Ensure(1);
            _chars[_length++] = c;
        }

        public void Append(string text)
        {
            if (text == null)
            {
                return;
            }
            Ensure(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                _chars[_length++] = text[i];
            }
        }

        /// <summary>Appends a decimal integer without culture-specific signs or separators.</summary>
        public void AppendInteger(long value)
        {
            if (value == 0)
            {
                Append('0');
                return;
            }
            // long.MinValue has no positive counterpart, so digits are produced from the negative side.
            bool negative = value < 0;
            long rest = negative ? value : -value;
            char[] digits = new char[20];
            int count = 0;
            while (rest != 0)
            {
                digits[count++] = (char)('0' - (int)(rest % 10));
                rest /= 10;
            }
            if (negative)
            {
                Append('-');
            }
            Ensure(count);
            while (count > 0)
            {
                _chars[_length++] = digits[--count];
            }
        }

        /// <summary>Appends a JSON string literal (quotes, escapes for quote, backslash and control characters).</summary>
        public void AppendJsonString(string text)
        {
            Append('"');
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '"' || c == '\\')
                {
                    Append('\\');
                    Append(c);
                }
                else if (c < ' ')
                {
                    Append("\\u00");
                    Append(Hex.Digit(c >> 4));
                    Append(Hex.Digit(c & 0xF));
                }
                else
                {
                    Append(c);
                }
            }
            Append('"');
        }

        public override string ToString() => new string(_chars, 0, _length);

        private void Ensure(int extra)
        {
            if (_length + extra <= _chars.Length)
            {
                return;
            }
            int size = _chars.Length * 2;
            while (size < _length + extra)
            {
                size *= 2;
            }
            char[] larger = new char[size];
            Array.Copy(_chars, larger, _length);
            _chars = larger;
        }
    }
}
