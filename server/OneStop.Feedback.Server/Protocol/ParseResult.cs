namespace OneStop.Feedback.Server.Protocol;

/// <summary>Either a parsed value or a rejection (reason code + human-readable detail).</summary>
public readonly record struct ParseResult<T>(T? Value, string? Reason, string? Detail)
    where T : class
{
    public bool IsValid => Value is not null;

    public static ParseResult<T> Ok(T value) => new(value, null, null);

    public static ParseResult<T> Reject(string reason, string detail) => new(null, reason, detail);
}
