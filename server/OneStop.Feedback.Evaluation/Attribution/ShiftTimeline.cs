namespace OneStop.Feedback.Evaluation.Attribution;

/// <summary>The shifts of one counter, answering "who was on duty at t".</summary>
public sealed class ShiftTimeline
{
    private readonly Shift[] _shifts;
    private readonly DateTimeOffset _now;

    /// <param name="now">The end of open shifts: an officer still signed in covers until now, not forever.</param>
    public ShiftTimeline(IEnumerable<Shift> shifts, DateTimeOffset now)
    {
        _shifts = shifts.OrderBy(s => s.Start).ThenBy(s => s.Id).ToArray();
        _now = now;
    }

    /// <summary>
    /// The shift covering t (Start ≤ t &lt; End): overlapping shifts happen when a sign-out is missed, and the
    /// latest start wins because the last sign-in is the officer actually at the desk; equal starts go to the larger id.
    /// </summary>
    public Shift? At(DateTimeOffset t)
    {
        Shift? found = null;
        foreach (var shift in _shifts)
        {
            if (shift.Start > t)
            {
                break;
            }
            if (t < (shift.End ?? _now))
            {
                found = shift;
            }
        }
        return found;
    }
}
