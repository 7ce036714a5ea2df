using OneStop.Feedback.Firmware.Core.Text;

namespace OneStop.Feedback.Firmware.Core.Config
{
    /// <summary>
    /// Reads the retained config message. Unknown fields are ignored so the server can add fields before every
    /// terminal is updated; a known field with a bad value rejects the whole message (null), and the terminal
    /// keeps the config it had. Fields that are absent take the defaults of <see cref="TerminalConfig"/>.
    /// </summary>
    public static class ConfigParser
    {
        public const int MaxPayloadBytes = 4096;
        public const int MaxLabelLength = 120;
        public const int MaxQuietPeriods = 8;
        public const int MaxSeconds = 86400;

        public static TerminalConfig Parse(byte[] payload)
        {
            if (payload == null || payload.Length > MaxPayloadBytes)
            {
                return null;
            }
            JsonValue root = JsonParser.Parse(payload, 0, payload.Length);
            if (root == null || root.Kind != JsonValue.KindObject || !IsVersion1(root))
            {
                return null;
            }
            TerminalConfig config = new TerminalConfig();
            long number;
            JsonValue v = root.Member("scale");
            if (v != null)
            {
                if (!Integer(v, 3, 5, out number))
                {
                    return null;
                }
                config.Scale = (int)number;
            }
            v = root.Member("mode");
            if (v != null)
            {
                int mode = v.Kind == JsonValue.KindString ? RatingMode.Parse(v.Text) : -1;
                if (mode < 0)
                {
                    return null;
                }
                config.Mode = mode;
            }
            v = root.Member("lang");
            if (v != null)
            {
                if (v.Kind != JsonValue.KindString || (v.Text != "vi" && v.Text != "en"))
                {
                    return null;
                }
                config.Language = v.Text;
            }
            v = root.Member("windowSeconds");
            if (v != null)
            {
                if (!Integer(v, 1, MaxSeconds, out number))
                {
                    return null;
                }
                config.WindowSeconds = (int)number;
            }
            v = root.Member("requireWindow");
            if (v != null)
            {
                if (v.Kind != JsonValue.KindBoolean)
                {
                    return null;
                }
                config.RequireWindow = v.Text == "true";
            }
            v = root.Member("minIntervalSeconds");
            if (v != null)
            {
                if (!Integer(v, 0, MaxSeconds, out number))
                {
                    return null;
                }
                config.MinIntervalSeconds = (int)number;
            }
            v = root.Member("quietHours");
            if (v != null)
            {
                config.QuietHours = ParseQuietHours(v);
                if (config.QuietHours == null)
                {
                    return null;
                }
            }
            v = root.Member("labels");
            return v == null || ApplyLabels(v, config) ? config : null;
        }

        internal static bool IsVersion1(JsonValue root)
        {
            JsonValue version = root.Member("v");
            return version != null && version.TryGetInteger(out long n) && n == 1;
        }

        internal static bool Integer(JsonValue value, long min, long max, out long number) =>
            value.TryGetInteger(out number) && number >= min && number <= max;

        private static QuietHours ParseQuietHours(JsonValue list)
        {
            if (list.Kind != JsonValue.KindArray || list.Count > MaxQuietPeriods)
            {
                return null;
            }
            int[] from = new int[list.Count];
            int[] to = new int[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                JsonValue period = list.Item(i);
                JsonValue f = period.Member("from");
                JsonValue t = period.Member("to");
                if (f == null || t == null || f.Kind != JsonValue.KindString || t.Kind != JsonValue.KindString)
                {
                    return null;
                }
                from[i] = QuietHours.ParseTime(f.Text);
                to[i] = QuietHours.ParseTime(t.Text);
                if (from[i] < 0 || to[i] < 0 || from[i] == to[i])
                {
                    return null;
                }
            }
            return new QuietHours(from, to);
        }

        private static bool ApplyLabels(JsonValue labels, TerminalConfig config)
        {
            if (labels.Kind != JsonValue.KindObject)
            {
                return false;
            }
            JsonValue question = labels.Member("question");
            JsonValue thanks = labels.Member("thanks");
            if (!IsLabel(question) || !IsLabel(thanks))
            {
                return false;
            }
            if (question != null)
            {
                config.QuestionLabel = question.Text;
            }
            if (thanks != null)
            {
                config.ThanksLabel = thanks.Text;
            }
            return true;
        }

        private static bool IsLabel(JsonValue label) =>
            label == null || (label.Kind == JsonValue.KindString && label.Text.Length > 0 && label.Text.Length <= MaxLabelLength);
    }
}
