using OneStop.Feedback.Dashboard.Text;
using OneStop.Feedback.Evaluation.Calendar;
using ScottPlot;

namespace OneStop.Feedback.Dashboard.Charts;

/// <summary>
/// Twelve months of one or more 0–100 series, months labelled "Th11/2026". Months without data are left out of
/// the line (not drawn as zero), so a gap shows as a straight segment between the defined neighbours.
/// </summary>
public static class TrendChart
{
    private static readonly Color[] Palette = [ChartStyle.Primary, ChartStyle.Secondary, Color.FromHex("#2e7d32")];

    public static Plot Create(string title, IReadOnlyList<Month> months, IReadOnlyList<TrendSeries> series, DashboardText text)
    {
        var plot = ChartStyle.NewPlot(title);
        for (var s = 0; s < series.Count; s++)
        {
            var defined = series[s].Values.Select((v, i) => (v, i)).Where(p => p.v is not null).ToList();
            if (defined.Count == 0)
            {
                continue;
            }
            var line = plot.Add.Scatter(defined.Select(p => (double)p.i).ToArray(), defined.Select(p => p.v!.Value).ToArray());
            line.LegendText = ChartStyle.Nfc(series[s].Label);
            line.Color = Palette[s % Palette.Length];
            line.LineWidth = 2.5f;
            line.MarkerSize = 8;
        }
        ChartStyle.CategoryTicks(plot, months.Select(text.MonthShort).ToList());
        ChartStyle.PercentAxis(plot, text["Percent"]);
        plot.Axes.SetLimitsY(0, 105);
        plot.Axes.SetLimitsX(-0.5, months.Count - 0.5);
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }
}
