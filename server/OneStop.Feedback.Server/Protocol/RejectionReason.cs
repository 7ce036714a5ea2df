namespace OneStop.Feedback.Server.Protocol;

/// <summary>
/// Reason codes of rejected terminal messages. They are a public contract (docs/protocol.md, the shared test
/// vectors, the rejections API), so they are strings, not enum names that a refactoring could change.
/// </summary>
public static class RejectionReason
{
    public const string PayloadTooLarge = "payload-too-large";
    public const string InvalidUtf8 = "invalid-utf8";
    public const string InvalidJson = "invalid-json";
    public const string NotAnObject = "not-an-object";
    public const string DuplicateField = "duplicate-field";
    public const string UnknownField = "unknown-field";
    public const string MissingField = "missing-field";
    public const string WrongType = "wrong-type";
    public const string UnsupportedVersion = "unsupported-version";
    public const string OutOfRange = "out-of-range";
    public const string InvalidScale = "invalid-scale";
    public const string ScoreOutOfRange = "score-out-of-range";
    public const string UnknownCriterion = "unknown-criterion";
    public const string CriterionOutOfRange = "criterion-out-of-range";
    public const string TimestampInFuture = "timestamp-in-future";
    public const string TimestampTooOld = "timestamp-too-old";
    public const string UnknownTerminal = "unknown-terminal";
    public const string InvalidTopic = "invalid-topic";
    public const string NotAuthorized = "not-authorized";
    public const string ConflictingDuplicate = "conflicting-duplicate";
    public const string UnknownEventKind = "unknown-event-kind";
}
