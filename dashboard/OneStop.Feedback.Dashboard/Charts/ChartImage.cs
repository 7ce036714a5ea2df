using ScottPlot;

namespace OneStop.Feedback.Dashboard.Charts;

/// <summary>Renders a plot to the export formats. Sizes are checked by the caller (see <see cref="ChartSize"/>).</summary>
public static class ChartImage
{
    public static byte[] Png(Plot plot, int width, int height) => plot.GetImageBytes(width, height, ImageFormat.Png);

    public static string Svg(Plot plot, int width, int height) => plot.GetSvgXml(width, height);
}
