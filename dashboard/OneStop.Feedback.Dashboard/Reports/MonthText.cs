using System.Globalization;
using OneStop.Feedback.Evaluation.Calendar;

namespace OneStop.Feedback.Dashboard.Reports;

/// <summary>Parses the "YYYY-MM" month of query strings (the same format as the evaluation API).</summary>
public static class MonthText
{
    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        if (text is null || text.Length != 7 || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return false;
        }
        month = new Month(first.Year, first.Month);
        return true;
    }
}
