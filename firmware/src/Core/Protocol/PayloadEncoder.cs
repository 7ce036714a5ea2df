using OneStop.Feedback.Firmware.Core.Text;

namespace OneStop.Feedback.Firmware.Core.Protocol
{
    /// <summary>
    /// Writes v1 rating and event payloads by hand, field order fixed, no spaces: the output is pinned byte for
    /// byte by tests/vectors, and nanoFramework has no JSON serializer in mscorlib.
    /// </summary>
    public static class PayloadEncoder
    {
        /// <summary>Largest payload the server accepts (ProtocolLimits.MaxPayloadBytes).</summary>
        public const int MaxPayloadBytes = 1024;

        public static byte[] Encode(TerminalMessage message) => Utf8.Encode(EncodeText(message));

        public static string EncodeText(TerminalMessage message)
        {
            CharBuffer json = new CharBuffer(128);
            json.Append("{\"v\":1,\"boot\":");
            json.AppendInteger(message.Boot);
            json.Append(",\"seq\":");
            json.AppendInteger(message.Seq);
            json.Append(",\"ts\":");
            json.AppendInteger(message.Timestamp);
            if (message.IsRating)
            {
                AppendRating(json, message);
            }
            else
            {
                json.Append(",\"kind\":");
                json.AppendJsonString(MessageKind.EventName(message.Kind));
                if (message.Kind == MessageKind.Badge)
                {
                    json.Append(",\"uid\":");
                    json.AppendJsonString(Hex.Encode(message.BadgeUid()));
                }
                else if (message.Kind == MessageKind.ButtonStuck)
                {
                    json.Append(",\"button\":");
                    json.AppendInteger(message.Button);
                }
            }
            json.Append('}');
            return json.ToString();
        }

        /// <summary>The topic a message is published on.</summary>
        public static string TopicFor(TerminalMessage message, string terminalId) =>
            message.IsRating ? Topics.Rating(terminalId) : Topics.Event(terminalId);

        private static void AppendRating(CharBuffer json, TerminalMessage message)
        {
            json.Append(",\"scale\":");
            json.AppendInteger(message.Scale);
            json.Append(",\"score\":");
            json.AppendInteger(message.Score);
            if (!message.HasCriteria)
            {
                return;
            }
            json.Append(",\"criteria\":{");
            bool first = true;
            for (int i = 0; i < Criterion.Count; i++)
            {
                int answer = message.CriterionAnswer(i);
                if (answer == Criterion.NotAnswered)
                {
                    continue;
                }
                if (!first)
                {
                    json.Append(',');
                }
                first = false;
                json.Append('"');
                json.Append(Criterion.Id(i));
                json.Append("\":");
                json.AppendInteger(answer);
            }
            json.Append('}');
        }
    }
}
