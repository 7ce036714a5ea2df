using System.Text;
using OneStop.Feedback.Dashboard.Fonts;
using SkiaSharp;

namespace OneStop.Feedback.Dashboard.Printing;

/// <summary>
/// Flowing A4 layout on SkiaSharp's PDF backend (it ships with ScottPlot, so no PDF package is needed): headings,
/// wrapped paragraphs, tables that repeat their header on a new page, vector charts, page numbers. Text uses the DejaVu
/// files registered for the charts, so Vietnamese glyphs are embedded and the text stays extractable.
/// </summary>
internal sealed class PdfComposer : IDisposable
{
    private const float PageWidth = 595, PageHeight = 842, Margin = 50, Bottom = PageHeight - Margin;
    private const float TextWidth = PageWidth - 2 * Margin;

    private readonly SKDocument _document;
    private readonly SKTypeface _regular = SKTypeface.FromFile(ChartFonts.RegularFile);
    private readonly SKTypeface _bold = SKTypeface.FromFile(ChartFonts.BoldFile);
    private readonly SKPaint _ink = new() { Color = new SKColor(0x1b, 0x1f, 0x24), IsAntialias = true };
    private readonly SKPaint _rule = new() { Color = new SKColor(0xc9, 0xce, 0xd6), StrokeWidth = 0.7f };
    private readonly Func<int, string> _pageLabel;
    private SKCanvas? _canvas;
    private int _page;
    private float _y;

    public PdfComposer(Stream output, string title, Func<int, string> pageLabel)
    {
        _document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = Nfc(title), Creator = "OneStop.Feedback", RasterDpi = 150 });
        _pageLabel = pageLabel;
    }

    public void NewPage()
    {
        EndPage();
        _canvas = _document.BeginPage(PageWidth, PageHeight);
        _page++;
        _y = Margin;
    }

    public void Space(float points) => _y += points;

    /// <summary>A single line, optionally centred.</summary>
    public void Line(string text, float size, bool bold = false, bool centre = false)
    {
        using var font = Font(size, bold);
        EnsureRoom(size * 1.5f);
        var x = centre ? PageWidth / 2 : Margin;
        Canvas.DrawText(Nfc(text), x, _y + size, centre ? SKTextAlign.Center : SKTextAlign.Left, font, _ink);
        _y += size * 1.5f;
    }

    /// <summary>
    /// One line of two texts side by side, each centred in its column (left 45 %, right 55 %): the heading of an
    /// official letter (issuing office | national motto) and its signature block.
    /// </summary>
    public void Columns(string left, string right, float size, bool bold = false)
    {
        using var font = Font(size, bold);
        EnsureRoom(size * 1.5f);
        var split = TextWidth * 0.45f;
        Canvas.DrawText(Fit(Nfc(left), font, split - 6), Margin + split / 2, _y + size, SKTextAlign.Center, font, _ink);
        Canvas.DrawText(Fit(Nfc(right), font, TextWidth - split - 6), Margin + split + (TextWidth - split) / 2, _y + size, SKTextAlign.Center, font, _ink);
        _y += size * 1.5f;
    }

    /// <summary>Word-wrapped text across the text width.</summary>
    public void Paragraph(string text, float size = 10)
    {
        using var font = Font(size, false);
        foreach (var line in Wrap(Nfc(text), font, TextWidth))
        {
            EnsureRoom(size * 1.45f);
            Canvas.DrawText(line, Margin, _y + size, SKTextAlign.Left, font, _ink);
            _y += size * 1.45f;
        }
        _y += size * 0.5f;
    }

    /// <summary>Rows of cells; long cells are cut to the column width. The header is repeated after a page break.</summary>
    public void Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string>> rows, float size = 8.5f)
    {
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => TextWidth * c.Weight / total).ToArray();
        var height = size * 2f;
        using var regular = Font(size, false);
        using var bold = Font(size, true);
        // Headers wrap onto several lines rather than being cut: "Tỷ lệ hài lòng" must stay readable in a narrow column.
        var headerLines = columns.Select((c, i) => Wrap(Nfc(c.Header), bold, widths[i] - 6).ToList()).ToList();
        var headerHeight = headerLines.Max(l => l.Count) * size * 1.25f + size * 0.75f;
        void Header()
        {
            var x = Margin;
            for (var i = 0; i < columns.Count; i++)
            {
                var right = columns[i].Right;
                for (var line = 0; line < headerLines[i].Count; line++)
                {
                    Canvas.DrawText(headerLines[i][line], right ? x + widths[i] - 3 : x + 3, _y + size * (1.25f * line + 1.1f), right ? SKTextAlign.Right : SKTextAlign.Left, bold, _ink);
                }
                x += widths[i];
            }
            _y += headerHeight;
            Canvas.DrawLine(Margin, _y, Margin + TextWidth, _y, _rule);
        }
        void Row(IReadOnlyList<string> cells, SKFont font)
        {
            var x = Margin;
            for (var i = 0; i < columns.Count; i++)
            {
                var cell = Fit(Nfc(cells[i]), font, widths[i] - 6);
                var right = columns[i].Right;
                Canvas.DrawText(cell, right ? x + widths[i] - 3 : x + 3, _y + size * 1.35f, right ? SKTextAlign.Right : SKTextAlign.Left, font, _ink);
                x += widths[i];
            }
            _y += height;
            Canvas.DrawLine(Margin, _y, Margin + TextWidth, _y, _rule);
        }
        EnsureRoom(headerHeight + height);
        Header();
        foreach (var row in rows)
        {
            if (_y + height > Bottom)
            {
                NewPage();
                Header();
            }
            Row(row, regular);
        }
        _y += size;
    }

    /// <summary>A chart drawn as vectors across the text width: crisp at any zoom, and its labels stay text.</summary>
    public void Chart(ScottPlot.Plot plot, int width, int height)
    {
        var scale = TextWidth / width;
        EnsureRoom(height * scale);
        Canvas.Save();
        Canvas.Translate(Margin, _y);
        Canvas.Scale(scale);
        plot.Render(Canvas, width, height);
        Canvas.Restore();
        _y += height * scale + 10;
    }

    public void Close()
    {
        EndPage();
        _document.Close();
    }

    public void Dispose()
    {
        _document.Dispose();
        _regular.Dispose();
        _bold.Dispose();
        _ink.Dispose();
        _rule.Dispose();
    }

    private SKCanvas Canvas => _canvas ?? throw new InvalidOperationException("NewPage first");

    private SKFont Font(float size, bool bold) => new(bold ? _bold : _regular, size);

    private void EnsureRoom(float height)
    {
        if (_canvas is null || _y + height > Bottom)
        {
            NewPage();
        }
    }

    private void EndPage()
    {
        if (_canvas is null)
        {
            return;
        }
        using var font = Font(8, false);
        _canvas.DrawText(Nfc(_pageLabel(_page)), PageWidth / 2, PageHeight - Margin / 2, SKTextAlign.Center, font, _ink);
        _document.EndPage();
        _canvas = null;
    }

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);

    private static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                yield return line.ToString();
                line.Clear().Append(word);
            }
            else
            {
                line.Clear().Append(candidate);
            }
        }
        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    /// <summary>The text, shortened with an ellipsis when it is wider than the column.</summary>
    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }
        var cut = text;
        while (cut.Length > 1 && font.MeasureText(cut + "…") > width)
        {
            cut = cut[..^1];
        }
        return cut + "…";
    }
}
