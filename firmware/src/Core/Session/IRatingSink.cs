namespace OneStop.Feedback.Firmware.Core.Session
{
    /// <summary>Where a finished rating goes (the app stores it in the outbox with the wall clock).</summary>
    public interface IRatingSink
    {
        /// <param name="criteria">Five answers in protocol order, 0 = not answered; null when none was asked.</param>
        /// <returns>An <see cref="Outbox.AppendResult"/> constant.</returns>
        int Submit(int scale, int score, int[] criteria);
    }
}
