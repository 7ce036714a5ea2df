using OneStop.Feedback.Dashboard.Text;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Evaluation;
using ScottPlot;

namespace OneStop.Feedback.Dashboard.Charts;

/// <summary>
/// The "5 biết" profile as bars (0–100) in the fixed criterion order. Bars rather than a radar: five values read
/// more accurately on a common baseline, and a criterion nobody answered shows as "chưa có dữ liệu", not as zero.
/// </summary>
public static class CriteriaChart
{
    /// <summary>The criterion ids in their fixed order (docs/evaluation.md).</summary>
    public static readonly IReadOnlyList<string> Order = ["listen", "explain", "trust", "apologize", "thank"];

    public static Plot Create(Month month, string subject, IReadOnlyList<CriterionScore> criteria, DashboardText text)
    {
        var plot = ChartStyle.NewPlot(text.Format("ChartOfficerCriteria", subject, text.MonthLong(month)));
        var bars = new List<Bar>();
        for (var i = 0; i < Order.Count; i++)
        {
            var score = criteria.FirstOrDefault(c => c.Criterion == Order[i])?.Score;
            bars.Add(new Bar
            {
                Position = i,
                Value = score ?? 0,
                FillColor = ChartStyle.Primary,
                Size = 0.6,
                LineWidth = 0,
                Label = score is { } s ? ChartStyle.Text(s, text.Culture) : text["NoData"],
            });
        }
        plot.Add.Bars(bars);
        ChartStyle.CategoryTicks(plot, Order.Select(text.Criterion).ToList());
        ChartStyle.PercentAxis(plot, text["Score100"]);
        plot.Axes.SetLimitsY(0, 110);
        plot.Axes.SetLimitsX(-0.6, Order.Count - 0.4);
        return plot;
    }
}
