namespace OneStop.Feedback.Firmware.Core.Session
{
    /// <summary>Beep and status LED patterns the session asks for; the app maps them to sounds and blink codes.</summary>
    public static class Feedback
    {
        /// <summary>Any button press: the same short click for every button.</summary>
        public const int BeepPress = 1;

        /// <summary>Thank-you tune, the same for every score.</summary>
        public const int BeepThanks = 2;

        public const int StatusReady = 1;
        public const int StatusThanks = 2;
        public const int StatusFull = 3;
        public const int StatusIdle = 0;
    }
}
