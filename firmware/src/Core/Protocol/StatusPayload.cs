using OneStop.Feedback.Firmware.Core.Text;

namespace OneStop.Feedback.Firmware.Core.Protocol
{
    /// <summary>
    /// The retained status message. The last will on the same topic is the plain text <see cref="Offline"/>,
    /// so the broker replaces "online" with it when the terminal vanishes.
    /// </summary>
    public static class StatusPayload
    {
        public const string Offline = "offline";

        /// <param name="outbox">Messages waiting to be acknowledged.</param>
        /// <param name="rssi">Wi-Fi signal in dBm.</param>
        /// <param name="heap">Free managed heap in bytes.</param>
        /// <param name="uptimeSeconds">Seconds since this boot.</param>
        public static string Online(uint boot, string firmwareVersion, int outbox, int rssi, long heap, long uptimeSeconds)
        {
            CharBuffer json = new CharBuffer(128);
            json.Append("{\"v\":1,\"state\":\"online\",\"boot\":");
            json.AppendInteger(boot);
            json.Append(",\"fw\":");
            json.AppendJsonString(firmwareVersion);
            json.Append(",\"outbox\":");
            json.AppendInteger(outbox);
            json.Append(",\"rssi\":");
            json.AppendInteger(rssi);
            json.Append(",\"heap\":");
            json.AppendInteger(heap);
            json.Append(",\"uptime\":");
            json.AppendInteger(uptimeSeconds);
            json.Append('}');
            return json.ToString();
        }

        public static byte[] OfflineBytes() => Utf8.Encode(Offline);
    }
}
