using OneStop.Feedback.Dashboard.Text;
using OneStop.Feedback.Evaluation.Calendar;
using OneStop.Feedback.Evaluation.Evaluation;
using ScottPlot;

namespace OneStop.Feedback.Dashboard.Charts;

/// <summary>Units compared: per unit a bar of the satisfied share and a bar of the unit index (both 0–100).</summary>
public static class UnitsSatisfactionChart
{
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
        plot.Add.Bars(satisfied).LegendText = text["SatisfiedShare"];
        plot.Add.Bars(index).LegendText = text["UnitIndex"];
        ChartStyle.CategoryTicks(plot, units.Select(u => u.Name).ToList());
        ChartStyle.PercentAxis(plot, text["Percent"]);
        plot.Axes.SetLimitsY(0, 112);
        plot.Axes.SetLimitsX(-0.6, Math.Max(units.Count, 1) - 0.4);
        plot.ShowLegend(Alignment.UpperRight);
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
