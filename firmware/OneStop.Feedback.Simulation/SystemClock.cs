using OneStop.Feedback.Firmware.Core.Session;

namespace OneStop.Feedback.Simulation;

/// <summary>The PC's clock stands in for the SNTP-synchronised ESP32 clock: ratings carry real timestamps.</summary>
internal sealed class SystemClock : IWallClock
{
    public long UnixMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
