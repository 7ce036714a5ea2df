namespace OneStop.Feedback.Server.Protocol;

/// <summary>What a message on a terminal topic is about (the last topic level).</summary>
public enum TopicKind
{
    Rating,
    Event,
    Status,
    Config,
    Window,
}

/// <summary>
/// A parsed topic of protocol v1: <c>onestop/v1/t/{terminalId}/{kind}</c>. The one place that knows the topic
/// layout on the server side; the firmware has its own copy, pinned by the shared test vectors.
/// </summary>
public readonly record struct TerminalTopic(string TerminalId, TopicKind Kind)
{
    public const string Prefix = "onestop/v1/t/";

    /// <summary>Filter that matches every terminal topic of protocol v1.</summary>
    public const string AllTerminalsFilter = "onestop/v1/t/+/+";

    public override string ToString() => Format(TerminalId, Kind);

    public static string Format(string terminalId, TopicKind kind) => Prefix + terminalId + "/" + KindName(kind);

    public static string KindName(TopicKind kind) => kind switch
    {
        TopicKind.Rating => "rating",
        TopicKind.Event => "event",
        TopicKind.Status => "status",
        TopicKind.Config => "config",
        TopicKind.Window => "window",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Parses a topic; false for anything that is not exactly a v1 terminal topic.</summary>
    public static bool TryParse(string? topic, out TerminalTopic result)
    {
        result = default;
        if (topic is null || !topic.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = topic.AsSpan(Prefix.Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }
        var id = rest[..slash];
        var kindText = rest[(slash + 1)..];
        if (!Protocol.TerminalId.IsValid(id))
        {
            return false;
        }
        TopicKind kind;
        switch (kindText)
        {
            case "rating": kind = TopicKind.Rating; break;
            case "event": kind = TopicKind.Event; break;
            case "status": kind = TopicKind.Status; break;
            case "config": kind = TopicKind.Config; break;
            case "window": kind = TopicKind.Window; break;
            default: return false;
        }
        result = new TerminalTopic(id.ToString(), kind);
        return true;
    }
}
