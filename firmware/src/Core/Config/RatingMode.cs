namespace OneStop.Feedback.Firmware.Core.Config
{
    /// <summary>How a rating is asked (config "mode").</summary>
    public static class RatingMode
    {
        /// <summary>One press, one score.</summary>
        public const int Quick = 0;

        /// <summary>The score, then each "5 biết" criterion in protocol order.</summary>
        public const int FiveCriteria = 1;

        /// <summary>The score; after a low score, which virtue was missing.</summary>
        public const int FollowUp = 2;

        /// <summary>Mode of a config "mode" string, or -1.</summary>
        public static int Parse(string text)
        {
            switch (text)
            {
                case "quick": return Quick;
                case "five-criteria": return FiveCriteria;
                case "follow-up": return FollowUp;
                default: return -1;
            }
        }
    }
}
