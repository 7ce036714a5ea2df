namespace OneStop.Feedback.Firmware.Core.Protocol
{
    /// <summary>MQTT topics of protocol v1, terminal side (the server has its own copy in TerminalTopic).</summary>
    public static class Topics
    {
        public const string Prefix = "onestop/v1/t/";

        public static string Rating(string terminalId) => Prefix + terminalId + "/rating";

        public static string Event(string terminalId) => Prefix + terminalId + "/event";

        public static string Status(string terminalId) => Prefix + terminalId + "/status";

        public static string Config(string terminalId) => Prefix + terminalId + "/config";

        public static string Window(string terminalId) => Prefix + terminalId + "/window";
    }
}
