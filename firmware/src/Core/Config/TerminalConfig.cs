namespace OneStop.Feedback.Firmware.Core.Config
{
    /// <summary>
    /// The retained config message of a terminal. The defaults apply until the first config arrives, so a new
    /// terminal works out of the box (5 levels, quick mode, no window needed).
    /// </summary>
    public sealed class TerminalConfig
    {
        public int Scale { get; set; } = 5;

        /// <summary>A <see cref="RatingMode"/> constant.</summary>
        public int Mode { get; set; } = RatingMode.Quick;

        /// <summary>"vi" or "en".</summary>
        public string Language { get; set; } = "vi";

        public int WindowSeconds { get; set; } = 120;

        public bool RequireWindow { get; set; }

        public int MinIntervalSeconds { get; set; } = 5;

        public QuietHours QuietHours { get; set; } = QuietHours.None;

        public string QuestionLabel { get; set; } = "Ông/bà có hài lòng?";

        public string ThanksLabel { get; set; } = "Cảm ơn ông/bà!";
    }
}
