namespace OneStop.Feedback.Dashboard.Printing;

/// <summary>A table column in a PDF: its header, its share of the text width, and whether numbers align right.</summary>
public sealed record PdfColumn(string Header, float Weight, bool Right = false);
