using System.Text;

namespace OneStop.Feedback.Server.CsvImport;

/// <summary>
/// Checks for the free-text fields of reference data (names, dossier codes, procedures), from CSV, JSON or the
/// admin forms. Any Unicode text is welcome (Vietnamese, emoji, right-to-left marks), but not control characters
/// (a NUL byte is refused by PostgreSQL and cuts strings in C tools), broken UTF-16, or a leading <c>= + - @</c>:
/// a spreadsheet opening an export would run such a cell as a formula (CSV injection, e.g. <c>=cmd|' /C calc'!A0</c>).
/// </summary>
public static class FreeText
{
    private const int ShowChars = 40;

    /// <summary>Why <paramref name="text"/> cannot be stored, or null when it can.</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.TrimStart() is [('=' or '+' or '-' or '@'), ..])
        {
            return "must not start with =, +, - or @ (a spreadsheet would run it as a formula)";
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                return $"contains the control character U+{(int)c:X4} at position {i + 1}";
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"contains a broken UTF-16 surrogate at position {i + 1}";
            }
        }
        return null;
    }

    /// <summary>A value for an error message: at most 40 characters, control characters shown as '?', so that a 1 MiB field is not echoed back.</summary>
    public static string Show(string? text)
    {
        if (text is null)
        {
            return "";
        }
        var shown = new StringBuilder(ShowChars + 1);
        for (var i = 0; i < text.Length && shown.Length < ShowChars; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                shown.Append(c).Append(text[++i]);
            }
            else
            {
                shown.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
            }
        }
        return shown.Length < text.Length ? shown.Append('…').ToString() : shown.ToString();
    }
}
