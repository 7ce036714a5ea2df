namespace OneStop.Feedback.Firmware.Core.Session
{
    /// <summary>Stores finished ratings in the outbox, stamped with the wall clock (0 when unsynchronised).</summary>
    public sealed class OutboxRatingSink : IRatingSink
    {
        private readonly Outbox.Outbox _outbox;
        private readonly IWallClock _clock;

        public OutboxRatingSink(Outbox.Outbox outbox, IWallClock clock)
        {
            _outbox = outbox;
            _clock = clock;
        }

        public int Submit(int scale, int score, int[] criteria) => _outbox.AppendRating(_clock.UnixMs(), scale, score, criteria);
    }
}
