using Microsoft.AspNetCore.Components;
using OneStop.Feedback.Dashboard.Charts;
using ScottPlot;

namespace OneStop.Feedback.Dashboard.Pages;

/// <summary>
/// A chart as SVG markup to embed in a page: without the XML prolog (invalid inside HTML), with a viewBox so CSS can
/// scale it to a phone's width, and with role="img" plus the chart's title as its accessible name.
/// </summary>
public static class InlineSvg
{
    public static MarkupString Of(Plot plot, string label, int width = 1000, int height = 480)
    {
        var svg = ChartImage.Svg(plot, width, height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var attributes = $"<svg role=\"img\" aria-label=\"{Attribute(label)}\" viewBox=\"0 0 {width} {height}\" ";
        return new MarkupString(attributes + svg[(start + "<svg ".Length)..]);
    }

    /// <summary>Escapes only what breaks an attribute, keeping Vietnamese letters readable (WebUtility encodes them).</summary>
    private static string Attribute(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
