namespace OneStop.Feedback.Firmware.Core.Session
{
    /// <summary>States of <see cref="RatingSession"/>.</summary>
    public static class SessionState
    {
        /// <summary>Not accepting ratings: quiet hours, or waiting for a rating window.</summary>
        public const int Idle = 0;

        /// <summary>Buttons lit, waiting for the score.</summary>
        public const int Question = 1;

        /// <summary>Five-criteria mode: asking criterion <see cref="RatingSession.CriterionIndex"/>.</summary>
        public const int Criteria = 2;

        /// <summary>Follow-up mode after a low score: which virtue was missing.</summary>
        public const int FollowUp = 3;

        /// <summary>Thank-you feedback, identical whatever was pressed.</summary>
        public const int Thanks = 4;
    }
}
