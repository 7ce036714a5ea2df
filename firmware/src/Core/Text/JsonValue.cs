using System.Collections;

namespace OneStop.Feedback.Firmware.Core.Text
{
    /// <summary>A parsed JSON value (see <see cref="JsonParser"/>). Numbers keep their text; only integers are read.</summary>
    public sealed class JsonValue
    {
        public const int KindNull = 0;
        public const int KindBoolean = 1;
        public const int KindNumber = 2;
        public const int KindString = 3;
        public const int KindArray = 4;
        public const int KindObject = 5;

        private readonly ArrayList _names;
        private readonly ArrayList _items;

        internal JsonValue(int kind, string text)
        {
            Kind = kind;
            Text = text;
            if (kind == KindArray || kind == KindObject)
            {
                _items = new ArrayList();
                _names = kind == KindObject ? new ArrayList() : null;
            }
        }

        /// <summary>One of the kind constants.</summary>
        public int Kind { get; }

        /// <summary>The string's value, the number's text, or "true"/"false".</summary>
        public string Text { get; }

        public int Count => _items == null ? 0 : _items.Count;

        public JsonValue Item(int index) => (JsonValue)_items[index];

        public string NameAt(int index) => (string)_names[index];

        /// <summary>A member of an object, or null.</summary>
        public JsonValue Member(string name)
        {
            if (_names == null)
            {
                return null;
            }
            for (int i = 0; i < _names.Count; i++)
            {
                if ((string)_names[i] == name)
                {
                    return (JsonValue)_items[i];
                }
            }
            return null;
        }

        internal bool HasMember(string name) => Member(name) != null;

        internal void Add(string name, JsonValue value)
        {
            if (_names != null)
            {
                _names.Add(name);
            }
            _items.Add(value);
        }

        /// <summary>True and the value when this is an integer number that fits in a long.</summary>
        public bool TryGetInteger(out long value)
        {
            value = 0;
            if (Kind != KindNumber)
            {
                return false;
            }
            bool negative = Text[0] == '-';
            int start = negative ? 1 : 0;
            if (Text.Length - start > 18)
            {
                return false;
            }
            for (int i = start; i < Text.Length; i++)
            {
                char c = Text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }
                value = (value * 10) + (c - '0');
            }
            if (negative)
            {
                value = -value;
            }
            return true;
        }
    }
}
