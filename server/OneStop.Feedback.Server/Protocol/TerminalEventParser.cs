using System.Buffers;
using System.Text;
using System.Text.Json;

namespace OneStop.Feedback.Server.Protocol;

/// <summary>
/// Parses a v1 event payload: <c>{"v":1,"boot":..,"seq":..,"ts":..,"kind":"badge","uid":"04A1B2C3"}</c>.
/// The header fields are checked as strictly as a rating's; per-kind fields are checked for the kinds the
/// server acts on (badge) and kept verbatim for the others.
/// </summary>
public static class TerminalEventParser
{
    /// <summary>Event kinds of protocol v1.</summary>
    public static readonly string[] Kinds = ["badge", "boot", "button-stuck", "watchdog"];

    public static ParseResult<TerminalEvent> Parse(ReadOnlySequence<byte> payload, long nowMs)
    {
        if (PayloadReader.CheckEnvelope(payload, ProtocolLimits.MaxPayloadBytes) is { } envelopeError)
        {
            return Reject(envelopeError);
        }
        var reader = PayloadReader.CreateReader(payload);
        reader.Read();
        long version = -1, boot = -1, seq = -1, ts = -1;
        string? kind = null, uid = null;
        var versionRead = false;
        long? button = null;
        (string Reason, string Detail)? firstError = null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString() ?? "";
            reader.Read();
            if (!names.Add(name))
            {
                firstError ??= (RejectionReason.DuplicateField, $"field '{name}' appears twice");
                reader.Skip();
                continue;
            }
            (string Reason, string Detail) error = default;
            var ok = name switch
            {
                "v" => PayloadReader.TryReadInteger(ref reader, "v", 0, int.MaxValue, out version, out error),
                "boot" => PayloadReader.TryReadInteger(ref reader, "boot", 0, ProtocolLimits.MaxCounter, out boot, out error),
                "seq" => PayloadReader.TryReadInteger(ref reader, "seq", 0, ProtocolLimits.MaxCounter, out seq, out error),
                "ts" => PayloadReader.TryReadInteger(ref reader, "ts", 0, long.MaxValue, out ts, out error),
                "kind" => TryReadString(ref reader, "kind", out kind, out error),
                "uid" => TryReadString(ref reader, "uid", out uid, out error),
                "button" => TryReadButton(ref reader, out button, out error),
                _ => IsScalar(ref reader, name, out error),
            };
            versionRead |= ok && name == "v";
            if (!ok)
            {
                firstError ??= error;
                reader.Skip();
            }
        }
        if (versionRead && version != 1)
        {
            return ParseResult<TerminalEvent>.Reject(RejectionReason.UnsupportedVersion, $"'v' is {version}; this server speaks v1");
        }
        if (firstError is { } first)
        {
            return Reject(first);
        }
        if (version < 0 || boot < 0 || seq < 0 || ts < 0 || kind is null)
        {
            return ParseResult<TerminalEvent>.Reject(RejectionReason.MissingField, "an event needs v, boot, seq, ts and kind");
        }
        if (Array.IndexOf(Kinds, kind) < 0)
        {
            return ParseResult<TerminalEvent>.Reject(RejectionReason.UnknownEventKind, $"unknown event kind '{kind}'; known: {string.Join(", ", Kinds)}");
        }
        if (kind == "badge" && !IsBadgeUid(uid))
        {
            return ParseResult<TerminalEvent>.Reject(uid is null ? RejectionReason.MissingField : RejectionReason.OutOfRange,
                "a badge event needs 'uid': 8 to 20 hexadecimal digits (4 to 10 bytes)");
        }
        if (kind == "button-stuck" && button is null)
        {
            return ParseResult<TerminalEvent>.Reject(RejectionReason.MissingField, "a button-stuck event needs 'button': the button number 1..5");
        }
        if (PayloadReader.CheckTimestamp(ts, nowMs) is { } tsError)
        {
            return Reject(tsError);
        }
        var body = Encoding.UTF8.GetString(payload.ToArray());
        return ParseResult<TerminalEvent>.Ok(new TerminalEvent(boot, seq, ts, kind, uid?.ToUpperInvariant(), body));
    }

    private static bool IsBadgeUid(string? uid) =>
        uid is { Length: >= 8 and <= 20 } && uid.Length % 2 == 0 && uid.All(Uri.IsHexDigit);

    private static bool TryReadButton(ref Utf8JsonReader reader, out long? button, out (string Reason, string Detail) error)
    {
        button = null;
        if (!PayloadReader.TryReadInteger(ref reader, "button", 1, 5, out var value, out error))
        {
            return false;
        }
        button = value;
        return true;
    }

    private static bool TryReadString(ref Utf8JsonReader reader, string name, out string? value, out (string Reason, string Detail) error)
    {
        value = null;
        error = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            error = (RejectionReason.WrongType, $"'{name}' must be a string");
            return false;
        }
        value = reader.GetString();
        return true;
    }

    private static bool IsScalar(ref Utf8JsonReader reader, string name, out (string Reason, string Detail) error)
    {
        error = default;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            error = (RejectionReason.WrongType, $"event field '{name}' must be a string, number or boolean");
            return false;
        }
        return true;
    }

    private static ParseResult<TerminalEvent> Reject((string Reason, string Detail) error) =>
        ParseResult<TerminalEvent>.Reject(error.Reason, error.Detail);
}
