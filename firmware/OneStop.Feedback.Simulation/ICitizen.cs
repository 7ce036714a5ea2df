namespace OneStop.Feedback.Simulation;

/// <summary>
/// Whoever presses the buttons of a simulated terminal. Polled by the terminal's loop, so an implementation
/// never needs its own thread or timer.
/// </summary>
public interface ICitizen
{
    /// <summary>The button to press now (1…5), or 0 for none.</summary>
    /// <param name="state">The session state (<c>SessionState</c>): a score is wanted in <c>Question</c>, an answer in <c>Criteria</c>/<c>FollowUp</c>.</param>
    /// <param name="scale">The configured scale (3, 4 or 5 buttons in use).</param>
    /// <param name="nowMs">Milliseconds since the terminal started.</param>
    int NextPress(int state, int scale, long nowMs);
}
