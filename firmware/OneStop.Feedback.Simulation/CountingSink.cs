using OneStop.Feedback.Firmware.Core.Outbox;
using OneStop.Feedback.Firmware.Core.Session;

namespace OneStop.Feedback.Simulation;

/// <summary>Passes ratings to the outbox like the firmware and counts what was stored or refused (outbox full).</summary>
internal sealed class CountingSink(IRatingSink inner) : IRatingSink
{
    private int _stored;
    private int _refused;

    public int Stored => Volatile.Read(ref _stored);

    public int Refused => Volatile.Read(ref _refused);

    public int Submit(int scale, int score, int[] criteria)
    {
        var result = inner.Submit(scale, score, criteria);
        Interlocked.Increment(ref result == AppendResult.Stored ? ref _stored : ref _refused);
        return result;
    }
}
