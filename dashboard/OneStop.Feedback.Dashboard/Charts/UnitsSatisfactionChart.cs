using OneStop.Feedback.Dashboard.Text;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Evaluation;
using ScottPlot;

namespace OneStop.Feedback.Dashboard.Charts;

/// <summary>
/// Units compared: per unit a bar of the satisfied share and a bar of the unit index (both 0–100). Beyond
/// <see cref="MaxColumns"/> units the bars turn horizontal, because unit names under columns overlap; names on the left
/// axis get all the width they need, and the first unit stays on top.
/// </summary>
public static class UnitsSatisfactionChart
{
    public const int MaxColumns = 6;

    public static Plot Create(Month month, IReadOnlyList<UnitReport> units, DashboardText text)
    {
        var plot = ChartStyle.NewPlot(text.Format("ChartUnitsSatisfaction", text.MonthLong(month)));
        var satisfied = new List<Bar>();
        var index = new List<Bar>();
        for (var i = 0; i < units.Count; i++)
        {
            satisfied.Add(Bar(i - 0.2, units[i].SatisfiedShare * 100, ChartStyle.Primary, text));
            if (units[i].SatisfiedShare is null)
            {
                satisfied[^1].Label = text["NoData"];
                satisfied[^1].Position = i;
            }
            index.Add(Bar(i + 0.2, units[i].UnitIndex, ChartStyle.Secondary, text));
        }
        var horizontal = units.Count > MaxColumns;
        var satisfiedBars = plot.Add.Bars(satisfied);
        var indexBars = plot.Add.Bars(index);
        satisfiedBars.LegendText = text["SatisfiedShare"];
        indexBars.LegendText = text["UnitIndex"];
        plot.ShowLegend(Alignment.UpperRight);
        if (!horizontal)
        {
            ChartStyle.CategoryTicks(plot, units.Select(u => u.Name).ToList());
            ChartStyle.PercentAxis(plot, text["Percent"]);
            plot.Axes.SetLimitsY(0, 112);
            plot.Axes.SetLimitsX(-0.6, Math.Max(units.Count, 1) - 0.4);
            return plot;
        }
        satisfiedBars.Horizontal = true;
        indexBars.Horizontal = true;
        var positions = Enumerable.Range(0, units.Count).Select(i => (double)i).ToArray();
        plot.Axes.Left.SetTicks(positions, units.Select(u => ChartStyle.Nfc(u.Name)).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        var ticks = Enumerable.Range(0, 11).Select(i => i * 10.0).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, ticks.Select(t => t.ToString("0", text.Culture)).ToArray());
        plot.Axes.Bottom.Label.Text = text["Percent"];
        plot.Axes.SetLimitsX(0, 118);
        plot.Axes.SetLimitsY(units.Count - 0.4, -0.6); // inverted: the first unit on top
        return plot;
    }

    /// <summary>An undefined value draws no bar rather than a misleading zero.</summary>
    private static Bar Bar(double position, double? value, Color color, DashboardText text) => new()
    {
        Position = position,
        Value = value ?? 0,
        FillColor = value is null ? Colors.Transparent : color,
        Size = 0.38,
        LineWidth = 0,
        Label = value is { } v ? ChartStyle.Text(v, text.Culture) : "",
    };
}
