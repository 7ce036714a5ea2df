namespace OneStop.Feedback.Firmware.Core.Protocol
{
    /// <summary>
    /// What an outbox message is. Integer constants rather than an enum: the value is stored in flash records,
    /// and nanoFramework cannot print enum names anyway.
    /// </summary>
    public static class MessageKind
    {
        public const int Rating = 1;
        public const int Badge = 2;
        public const int Boot = 3;
        public const int ButtonStuck = 4;
        public const int Watchdog = 5;

        /// <summary>The event's "kind" in the JSON payload; null for a rating or an unknown kind.</summary>
        public static string EventName(int kind)
        {
            switch (kind)
            {
                case Badge: return "badge";
                case Boot: return "boot";
                case ButtonStuck: return "button-stuck";
                case Watchdog: return "watchdog";
                default: return null;
            }
        }

        public static bool IsKnown(int kind) => kind >= Rating && kind <= Watchdog;
    }
}
