namespace OneStop.Feedback.Dashboard.Fonts;

/// <summary>
/// Registers DejaVu Sans with ScottPlot. Without a font that has Vietnamese glyphs ScottPlot draws no text at all and
/// throws nothing, so the host refuses to start instead. Registration must happen before any font lookup, because
/// ScottPlot caches the first typeface it resolves for a name (an early lookup left the regular face empty).
/// </summary>
public static class ChartFonts
{
    /// <summary>The family every chart uses.</summary>
    public const string Family = "DejaVu Sans";

    /// <summary>Where Debian's fonts-dejavu-core puts the faces.</summary>
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    private static readonly Lock Gate = new();

    /// <summary>The registered regular face file (for PDF text, which draws with SkiaSharp directly).</summary>
    public static string RegularFile { get; private set; } = Path.Combine(DefaultDirectory, "DejaVuSans.ttf");

    /// <summary>The registered bold face file.</summary>
    public static string BoldFile { get; private set; } = Path.Combine(DefaultDirectory, "DejaVuSans-Bold.ttf");
    private static bool _registered;

    /// <summary>Registers the regular and bold faces (once per process: ScottPlot's font table is global); throws with an install hint when a file is missing.</summary>
    public static void Register(string directory = DefaultDirectory)
    {
        // Checked on every call so that a bad configured folder is reported even after an earlier registration.
        var regular = Path.Combine(directory, "DejaVuSans.ttf");
        var bold = Path.Combine(directory, "DejaVuSans-Bold.ttf");
        var missing = new[] { regular, bold }.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Chart font not found: {string.Join(", ", missing)}. Charts need DejaVu Sans for Vietnamese text; " +
                "install it with 'apt-get install fonts-dejavu-core' (or set Dashboard:FontDirectory to a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf).");
        }
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }
            ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
            ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
            ScottPlot.Fonts.Default = Family;
            (RegularFile, BoldFile) = (regular, bold);
            _registered = true;
        }
    }
}
