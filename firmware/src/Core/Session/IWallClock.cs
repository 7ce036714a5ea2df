namespace OneStop.Feedback.Firmware.Core.Session
{
    /// <summary>
    /// The wall clock in unix ms (below 2024 = not synchronised). Kept apart from the monotonic ms that drive
    /// timeouts, because SNTP moves the wall clock by decades at its first answer.
    /// </summary>
    public interface IWallClock
    {
        long UnixMs();
    }
}
