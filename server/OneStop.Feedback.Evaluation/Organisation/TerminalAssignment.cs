namespace OneStop.Feedback.Evaluation.Organisation;

/// <summary>From <paramref name="From"/> on (until the terminal's next assignment) the terminal stands at the counter.</summary>
public sealed record TerminalAssignment(string TerminalId, string CounterId, DateTimeOffset From);
