namespace OneStop.Feedback.Server.Protocol;

/// <summary>Terminal ids: 1–64 characters of <c>[A-Za-z0-9_-]</c>, so they are safe in topics, ACLs and file names.</summary>
public static class TerminalId
{
    public const int MaxLength = 64;

    public static bool IsValid(ReadOnlySpan<char> id)
    {
        if (id.Length is 0 or > MaxLength)
        {
            return false;
        }
        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-'))
            {
                return false;
            }
        }
        return true;
    }
}
