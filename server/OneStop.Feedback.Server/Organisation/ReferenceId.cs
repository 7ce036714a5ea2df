namespace OneStop.Feedback.Server.Organisation;

/// <summary>Ids of units, counters and officers: 1–64 characters of <c>[A-Za-z0-9_.-]</c> (safe in URLs and CSV).</summary>
public static class ReferenceId
{
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    /// <summary>RFID badge UIDs: 4–10 bytes as 8–20 hex digits, stored upper-case.</summary>
    public static bool IsBadgeUid(string? uid) => uid is { Length: >= 8 and <= 20 } && uid.Length % 2 == 0 && uid.All(char.IsAsciiHexDigit);
}
