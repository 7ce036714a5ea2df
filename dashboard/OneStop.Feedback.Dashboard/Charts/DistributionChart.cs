using OneStop.Feedback.Dashboard.Text;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Evaluation;
using ScottPlot;

namespace OneStop.Feedback.Dashboard.Charts;

/// <summary>
/// Ratings per level, best level first, named for their scale ("Rất hài lòng" … ). Levels of different scales are
/// never merged: when a distribution holds several scales each bar names its scale too.
/// </summary>
public static class DistributionChart
{
    public static Plot Create(Month month, string subject, IReadOnlyList<LevelCount> distribution, DashboardText text)
    {
        var plot = ChartStyle.NewPlot(text.Format("ChartDistribution", subject, text.MonthLong(month)));
        var levels = distribution.OrderBy(l => l.Scale).ThenByDescending(l => l.Score).ToList();
        var mixed = levels.Select(l => l.Scale).Distinct().Count() > 1;
        var total = levels.Sum(l => l.Count);
        var bars = new List<Bar>();
        var labels = new List<string>();
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            var share = total == 0 ? 0 : (double)level.Count / total;
            bars.Add(new Bar
            {
                Position = i,
                Value = level.Count,
                FillColor = ChartStyle.Levels[Math.Min(level.Scale - level.Score, ChartStyle.Levels.Length - 1)],
                Size = 0.6,
                LineWidth = 0,
                Label = $"{text.Number(level.Count)} ({text.Percent(share)})",
            });
            labels.Add(text.Level(level.Scale, level.Score) + (mixed ? "\n" + text.Format("ScaleSuffix", level.Scale) : ""));
        }
        plot.Add.Bars(bars);
        ChartStyle.CategoryTicks(plot, labels);
        plot.Axes.Left.Label.Text = text["Ratings"];
        var highest = levels.Count == 0 ? 1 : Math.Max(1, levels.Max(l => l.Count));
        plot.Axes.SetLimitsY(0, highest * 1.15);
        plot.Axes.SetLimitsX(-0.6, Math.Max(levels.Count, 1) - 0.4);
        return plot;
    }
}
