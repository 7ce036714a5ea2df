namespace OneStop.Feedback.Firmware.Core.Text
{
    /// <summary>
    /// A small strict JSON parser for the config and window messages (nanoFramework has no System.Text.Json).
    /// Returns null for anything that is not one well-formed value, for duplicate names and for nesting deeper
    /// than <see cref="MaxDepth"/>: a damaged config must be refused whole, never half applied.
    /// </summary>
    public sealed class JsonParser
    {
        public const int MaxDepth = 8;

        private readonly string _text;
        private int _pos;
        private bool _failed;

        private JsonParser(string text)
        {
            _text = text;
        }

        /// <summary>Parses UTF-8 bytes; null when they are not valid UTF-8 or not valid JSON.</summary>
        public static JsonValue Parse(byte[] utf8, int offset, int count)
        {
            string text = Utf8.Decode(utf8, offset, count);
            return text == null ? null : Parse(text);
        }

        public static JsonValue Parse(string text)
        {
            JsonParser parser = new JsonParser(text);
            JsonValue value = parser.ReadValue(0);
            parser.SkipWhitespace();
            return parser._failed || parser._pos != text.Length ? null : value;
        }

        private JsonValue ReadValue(int depth)
        {
            SkipWhitespace();
            if (_failed || _pos >= _text.Length || depth > MaxDepth)
            {
                return Fail();
            }
            char c = _text[_pos];
            switch (c)
            {
                case '{': return ReadObject(depth);
                case '[': return ReadArray(depth);
                case '"':
                    string s = ReadString();
                    return s == null ? Fail() : new JsonValue(JsonValue.KindString, s);
                case 't': return ReadWord("true", JsonValue.KindBoolean);
                case 'f': return ReadWord("false", JsonValue.KindBoolean);
                case 'n': return ReadWord("null", JsonValue.KindNull);
                default: return ReadNumber();
            }
        }

        private JsonValue ReadObject(int depth)
        {
            JsonValue obj = new JsonValue(JsonValue.KindObject, null);
            _pos++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                _pos++;
                return obj;
            }
            while (!_failed)
            {
                SkipWhitespace();
                string name = Peek() == '"' ? ReadString() : null;
                SkipWhitespace();
                if (name == null || obj.HasMember(name) || Peek() != ':')
                {
                    return Fail();
                }
                _pos++;
                JsonValue value = ReadValue(depth + 1);
                if (value == null)
                {
                    return Fail();
                }
                obj.Add(name, value);
                SkipWhitespace();
                char next = Peek();
                _pos++;
                if (next == '}')
                {
                    return obj;
                }
                if (next != ',')
                {
                    return Fail();
                }
            }
            return Fail();
        }

        private JsonValue ReadArray(int depth)
        {
            JsonValue array = new JsonValue(JsonValue.KindArray, null);
            _pos++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                _pos++;
                return array;
            }
            while (!_failed)
            {
                JsonValue value = ReadValue(depth + 1);
                if (value == null)
                {
                    return Fail();
                }
                array.Add(null, value);
                SkipWhitespace();
                char next = Peek();
                _pos++;
                if (next == ']')
                {
                    return array;
                }
                if (next != ',')
                {
                    return Fail();
                }
            }
            return Fail();
        }

        private string ReadString()
        {
            _pos++;
            CharBuffer chars = new CharBuffer(32);
            while (_pos < _text.Length)
            {
                char c = _text[_pos++];
                if (c == '"')
                {
                    return chars.ToString();
                }
                if (c < ' ')
                {
                    return null;
                }
                if (c != '\\')
                {
                    chars.Append(c);
                    continue;
                }
                if (_pos >= _text.Length)
                {
                    return null;
                }
                char e = _text[_pos++];
                switch (e)
                {
                    case '"': chars.Append('"'); break;
                    case '\\': chars.Append('\\'); break;
                    case '/': chars.Append('/'); break;
                    case 'b': chars.Append('\b'); break;
                    case 'f': chars.Append('\f'); break;
                    case 'n': chars.Append('\n'); break;
                    case 'r': chars.Append('\r'); break;
                    case 't': chars.Append('\t'); break;
                    case 'u':
                        int code = 0;
                        for (int i = 0; i < 4; i++)
                        {
                            int digit = _pos < _text.Length ? Hex.ValueOf(_text[_pos++]) : -1;
                            if (digit < 0)
                            {
                                return null;
                            }
                            code = (code << 4) | digit;
                        }
                        chars.Append((char)code);
                        break;
                    default: return null;
                }
            }
            return null;
        }

        private JsonValue ReadWord(string word, int kind)
        {
            if (_pos + word.Length > _text.Length || _text.Substring(_pos, word.Length) != word)
            {
                return Fail();
            }
            _pos += word.Length;
            return new JsonValue(kind, word);
        }

        /// <summary>JSON number grammar: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?</summary>
        private JsonValue ReadNumber()
        {
            int start = _pos;
            if (Peek() == '-')
            {
                _pos++;
            }
            if (Peek() == '0')
            {
                _pos++;
            }
            else if (!Digits())
            {
                return Fail();
            }
            if (Peek() == '.')
            {
                _pos++;
                if (!Digits())
                {
                    return Fail();
                }
            }
            if (Peek() == 'e' || Peek() == 'E')
            {
                _pos++;
                if (Peek() == '+' || Peek() == '-')
                {
                    _pos++;
                }
                if (!Digits())
                {
                    return Fail();
                }
            }
            return new JsonValue(JsonValue.KindNumber, _text.Substring(start, _pos - start));
        }

        private bool Digits()
        {
            int start = _pos;
            while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
            {
                _pos++;
            }
            return _pos > start;
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void SkipWhitespace()
        {
            while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\n' || _text[_pos] == '\r'))
            {
                _pos++;
            }
        }

        private JsonValue Fail()
        {
            _failed = true;
            return null;
        }
    }
}
