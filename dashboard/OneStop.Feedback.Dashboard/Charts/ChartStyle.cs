using System.Text;
using ScottPlot;

namespace OneStop.Feedback.Dashboard.Charts;

/// <summary>What every chart shares: the palette, NFC labels and the tick offsets that keep tick marks off diacritics.</summary>
internal static class ChartStyle
{
    public static readonly Color Primary = Color.FromHex("#1f5fa8");
    public static readonly Color Secondary = Color.FromHex("#e07b00");
    public static readonly Color Grid = Color.FromHex("#e3e6ea");

    /// <summary>Colours from the best level (green) to the worst (red), for up to five levels.</summary>
    public static readonly Color[] Levels =
    [
        Color.FromHex("#1a7f37"), Color.FromHex("#63a83a"), Color.FromHex("#b8a400"), Color.FromHex("#d9700b"), Color.FromHex("#c62828"),
    ];

    public static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);

    /// <summary>A new plot with a title and readable, diacritic-safe axes.</summary>
    public static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Title(Nfc(title), size: 18);
        // Default 4 px tick marks touch the stacked marks of "hài", "Bình", "ộ": push the labels down.
        plot.Axes.Bottom.TickLabelStyle.OffsetY = 6;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Grid.MajorLineColor = Grid;
        return plot;
    }

    /// <summary>Category labels at 0..n-1 on the bottom axis.</summary>
    public static void CategoryTicks(Plot plot, IReadOnlyList<string> labels)
    {
        var positions = Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, labels.Select(Nfc).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.IsVisible = false;
    }

    /// <summary>0–100 axis ticks every 10: the auto ticks ran every 5 up to 110, which reads as a score above 100.</summary>
    public static void PercentAxis(Plot plot, string label)
    {
        var ticks = Enumerable.Range(0, 11).Select(i => i * 10.0).ToArray();
        plot.Axes.Left.SetTicks(ticks, ticks.Select(t => t.ToString("0", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Left.Label.Text = Nfc(label);
    }

    public static string Text(double value, System.Globalization.CultureInfo culture) => value.ToString("0.0", culture);
}
