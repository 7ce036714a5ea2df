using OneStop.Feedback.Evaluation.Organisation;
using static OneStop.Feedback.Evaluation.Tests.TestData;

namespace OneStop.Feedback.Evaluation.Tests.Organisation;

public class TerminalAssignmentsTests
{
    private static readonly TerminalAssignments Assignments = new(Shuffled(
    [
        new TerminalAssignment("T1", "C1", Vn("2026-03-02 08:00:00")),
        new TerminalAssignment("T1", "C2", Vn("2026-03-10 12:00:00")),
    ], 1));

    [Fact]
    public void FirstAssignmentAlsoCoversTheTimeBeforeIt() =>
        Assert.Equal("C1", Assignments.CounterAt("T1", Vn("2026-03-01 09:00:00")));

    [Fact]
    public void LaterAssignmentTakesOverAtItsInstant()
    {
        Assert.Equal("C1", Assignments.CounterAt("T1", Vn("2026-03-10 11:59:59.999")));
        Assert.Equal("C2", Assignments.CounterAt("T1", Vn("2026-03-10 12:00:00")));
    }

    [Fact]
    public void NeverAssignedTerminalHasNoCounter() => Assert.Null(Assignments.CounterAt("T9", Vn("2026-03-10 12:00:00")));
}
