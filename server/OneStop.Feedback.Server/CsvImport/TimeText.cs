using System.Globalization;

namespace OneStop.Feedback.Server.CsvImport;

/// <summary>
/// Times in imported files: ISO 8601 with an offset (<c>2026-11-05T08:30:00+07:00</c>, <c>…Z</c>), or a local
/// Vietnam time without offset (<c>2026-11-05 08:30</c>, <c>2026-11-05T08:30:15</c>) as one-stop software exports
/// them, read as UTC+7.
/// </summary>
public static class TimeText
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        text = text.Trim();
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = new DateTimeOffset(local, VietnamOffset);
            return true;
        }
        return text.Length > 10 && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}
