using ScottPlot;
using SkiaSharp;

namespace OneStop.Feedback.Dashboard.Charts;

/// <summary>Renders a plot to the export formats. Sizes are checked by the caller (see <see cref="ChartSize"/>).</summary>
public static class ChartImage
{
    /// <summary>
    /// PNG compression: the "up" row filter and zlib level 3. Skia's default (every filter tried per row, zlib 6) spent
    /// several times the rendering time on compression for a 1200×600 chart; this keeps the pixels exactly (lossless)
    /// at 1.0–1.6× the file size (40–65 KiB; flat colour areas repeat row to row, which "up" catches). See docs/benchmarks.md.
    /// </summary>
    private static readonly SKPngEncoderOptions Compression = new(SKPngEncoderFilterFlags.Up, 3);

    /// <summary>The plot drawn on a <paramref name="width"/>×<paramref name="height"/> RGBA surface (as ScottPlot's own image export draws it), as PNG.</summary>
    public static byte[] Png(Plot plot, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new ArgumentOutOfRangeException(nameof(width), $"no drawing surface of {width}×{height} pixels");
        plot.Render(surface.Canvas, width, height);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var png = pixels.Encode(Compression) ?? throw new InvalidOperationException($"PNG encoding of a {width}×{height} chart failed");
        return png.ToArray();
    }

    public static string Svg(Plot plot, int width, int height) => plot.GetSvgXml(width, height);
}
