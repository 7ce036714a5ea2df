namespace OneStop.Feedback.Evaluation.Organisation;

/// <summary>
/// The history of where terminals stood. A terminal's first assignment also covers the time before it, because
/// a terminal is usually installed, pressed in testing or by early citizens, and registered afterwards.
/// </summary>
public sealed class TerminalAssignments
{
    private readonly Dictionary<string, TerminalAssignment[]> _byTerminal;

    public TerminalAssignments(IEnumerable<TerminalAssignment> assignments)
    {
        // Sorted by (From, CounterId) so that two assignments at the same instant resolve the same way every time.
        _byTerminal = assignments
            .GroupBy(a => a.TerminalId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(a => a.From).ThenBy(a => a.CounterId, StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);
    }

    /// <summary>The counter of a terminal at an instant, or null for a terminal never assigned.</summary>
    public string? CounterAt(string terminalId, DateTimeOffset at)
    {
        if (!_byTerminal.TryGetValue(terminalId, out var history))
        {
            return null;
        }
        var current = history[0];
        foreach (var assignment in history)
        {
            if (assignment.From > at)
            {
                break;
            }
            current = assignment;
        }
        return current.CounterId;
    }
}
