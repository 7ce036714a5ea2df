namespace OneStop.Feedback.Dashboard.Charts;

/// <summary>One line of a trend chart: a value per month (null when the month has no data), in percent or score units.</summary>
public sealed record TrendSeries(string Label, IReadOnlyList<double?> Values);
