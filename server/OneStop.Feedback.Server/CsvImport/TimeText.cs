using System.Globalization;

namespace OneStop.Feedback.Server.CsvImport;

/// <summary>
/// Times in imported files: ISO 8601 with an offset (<c>2026-11-05T08:30:00+07:00</c>, <c>…Z</c>), or a local
/// Vietnam time without offset (<c>2026-11-05 08:30</c>, <c>2026-11-05T08:30:15</c>) as one-stop software exports
/// them, read as UTC+7. Only years 1970–2099 are taken: times are stored as unix ms, and anything outside is a
/// typo (or <c>0001-01-01</c>, which as Vietnam time does not even exist in UTC).
/// </summary>
public static class TimeText
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Exclusive.</summary>
    public static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>For error messages: what <see cref="TryParse"/> accepts.</summary>
    public const string Expected = "ISO 8601 or 'yyyy-MM-dd HH:mm' in Vietnam time, years 1970-2099";

    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];

    public static bool InRange(DateTimeOffset time) => time >= Earliest && time < Latest;

    /// <summary>True for a time in one of the accepted forms and within 1970–2099.</summary>
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
            // Checked before the offset is applied: 0001-01-01 00:00 at UTC+7 is before DateTimeOffset.MinValue and throws.
            if (local.Year is < 1970 or >= 2100)
            {
                return false;
            }
            value = new DateTimeOffset(local, VietnamOffset);
            return InRange(value);
        }
        return text.Length > 10 && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
            && InRange(value);
    }
}
