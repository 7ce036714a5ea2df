using OneStop.Feedback.Firmware.Core.Protocol;

namespace OneStop.Feedback.Simulation;

/// <summary>
/// Tells a first publish from a resend without remembering every key: the outbox sends oldest first and
/// (boot, seq) only grows, so a key above the highest one sent so far is new.
/// </summary>
internal sealed class FirstSendTracker
{
    private readonly Lock _sync = new();
    private uint _boot;
    private uint _seq;

    public bool IsFirst(TerminalMessage message)
    {
        lock (_sync)
        {
            if (message.Boot < _boot || (message.Boot == _boot && message.Seq <= _seq))
            {
                return false;
            }
            _boot = message.Boot;
            _seq = message.Seq;
            return true;
        }
    }
}
