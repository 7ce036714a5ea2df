using System;
using OneStop.Feedback.Firmware.Core.Text;

namespace OneStop.Feedback.Firmware
{
    /// <summary>
    /// Per-device provisioning, read from a JSON file on the internal flash ("I:\device.json") so one firmware
    /// image serves every terminal. Written once at the office (see firmware/README.md), e.g.
    /// {"terminalId":"T-Q01","secret":"…","wifiSsid":"…","wifiPassword":"…","brokerHost":"feedback.example.vn",
    ///  "brokerPort":8883,"caCertFile":"I:\\ca.pem","display":true,"badgeReader":false}. Without "caCertFile" the
    /// connection is plain TCP (lab only); "display" (SSD1306 OLED) and "badgeReader" (MFRC522) say which optional
    /// parts are fitted (default: neither).
    /// </summary>
    public sealed class DeviceSecrets
    {
        public const string DefaultPath = "I:\\device.json";

        public string TerminalId { get; private set; }

        public string Secret { get; private set; }

        public string WifiSsid { get; private set; }

        public string WifiPassword { get; private set; }

        public string BrokerHost { get; private set; }

        public int BrokerPort { get; private set; }

        public string CaCertFile { get; private set; }

        public bool UseTls => CaCertFile != null;

        /// <summary>An SSD1306 OLED is fitted on I2C bus 1.</summary>
        public bool HasDisplay { get; private set; }

        /// <summary>An MFRC522 badge reader is fitted on SPI bus 1.</summary>
        public bool HasBadgeReader { get; private set; }

        /// <summary>Parses the provisioning file; throws with the missing field's name, so the fault is visible on the debug console.</summary>
        public static DeviceSecrets Parse(byte[] json)
        {
            JsonValue root = JsonParser.Parse(json, 0, json.Length);
            if (root == null || root.Kind != JsonValue.KindObject)
            {
                throw new ArgumentException("device.json is not a JSON object");
            }
            DeviceSecrets s = new DeviceSecrets
            {
                TerminalId = Required(root, "terminalId"),
                Secret = Required(root, "secret"),
                WifiSsid = Required(root, "wifiSsid"),
                WifiPassword = Optional(root, "wifiPassword", ""),
                BrokerHost = Required(root, "brokerHost"),
                CaCertFile = Optional(root, "caCertFile", null),
                HasDisplay = Flag(root, "display"),
                HasBadgeReader = Flag(root, "badgeReader"),
            };
            JsonValue port = root.Member("brokerPort");
            long portValue;
            s.BrokerPort = port != null && port.TryGetInteger(out portValue) ? (int)portValue : (s.UseTls ? 8883 : 1883);
            return s;
        }

        private static string Required(JsonValue root, string name)
        {
            string value = Optional(root, name, null);
            if (value == null || value.Length == 0)
            {
                throw new ArgumentException("device.json lacks " + name);
            }
            return value;
        }

        private static bool Flag(JsonValue root, string name)
        {
            JsonValue value = root.Member(name);
            return value != null && value.Kind == JsonValue.KindBoolean && value.Text == "true";
        }

        private static string Optional(JsonValue root, string name, string fallback)
        {
            JsonValue value = root.Member(name);
            return value != null && value.Kind == JsonValue.KindString ? value.Text : fallback;
        }
    }
}
