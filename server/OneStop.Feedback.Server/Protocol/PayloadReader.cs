using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace OneStop.Feedback.Server.Protocol;

/// <summary>
/// The checks every v1 JSON payload goes through before its fields are read: size, UTF-8, well-formed JSON
/// of bounded depth, and integer fields within range. Shared by the rating and event parsers so that both
/// reject the same malformed input with the same reason codes.
/// </summary>
internal static class PayloadReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        MaxDepth = ProtocolLimits.MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Returns a rejection when the raw bytes cannot be a v1 payload, else null.</summary>
    public static (string Reason, string Detail)? CheckEnvelope(ReadOnlySequence<byte> payload, int maxBytes)
    {
        if (payload.Length > maxBytes)
        {
            return (RejectionReason.PayloadTooLarge, $"payload is {payload.Length} bytes, the limit is {maxBytes}");
        }
        if (payload.Length == 0)
        {
            return (RejectionReason.InvalidJson, "payload is empty");
        }
        Span<byte> buffer = stackalloc byte[maxBytes];
        payload.CopyTo(buffer);
        if (!Utf8.IsValid(buffer[..(int)payload.Length]))
        {
            return (RejectionReason.InvalidUtf8, "payload is not valid UTF-8");
        }
        // A full structural pass first, so that a syntax error anywhere is "invalid-json" rather than a
        // field-level reason found before the error.
        var reader = new Utf8JsonReader(payload, Options);
        try
        {
            if (!reader.Read())
            {
                return (RejectionReason.InvalidJson, "payload is empty");
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return (RejectionReason.NotAnObject, "payload must be a JSON object");
            }
            reader.Skip();
            if (reader.Read())
            {
                return (RejectionReason.InvalidJson, "data after the JSON object");
            }
        }
        catch (JsonException ex)
        {
            return (RejectionReason.InvalidJson, Trim(ex.Message));
        }
        return null;
    }

    public static Utf8JsonReader CreateReader(ReadOnlySequence<byte> payload) => new(payload, Options);

    /// <summary>Reads an integer property value in [min, max]; a non-integer is wrong-type, else out-of-range.</summary>
    public static bool TryReadInteger(ref Utf8JsonReader reader, string name, long min, long max, out long value, out (string Reason, string Detail) error)
    {
        value = 0;
        error = default;
        if (reader.TokenType != JsonTokenType.Number)
        {
            error = (RejectionReason.WrongType, $"'{name}' must be an integer");
            return false;
        }
        if (!reader.TryGetInt64(out value))
        {
            // Either a fraction/exponent ("1.5", "2e3") or an integer beyond 64 bits.
            var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
            var isInteger = Array.TrueForAll(raw, b => b is (>= (byte)'0' and <= (byte)'9') or (byte)'-');
            error = isInteger
                ? (RejectionReason.OutOfRange, $"'{name}' must be between {min} and {max}")
                : (RejectionReason.WrongType, $"'{name}' must be an integer");
            return false;
        }
        if (value < min || value > max)
        {
            error = (RejectionReason.OutOfRange, $"'{name}' must be between {min} and {max}");
            return false;
        }
        return true;
    }

    /// <summary>Checks a terminal timestamp (unix ms, 0 = clock not synchronised) against the server clock.</summary>
    public static (string Reason, string Detail)? CheckTimestamp(long ts, long nowMs)
    {
        if (ts == 0)
        {
            return null;
        }
        if (ts > nowMs + (long)ProtocolLimits.MaxClockAhead.TotalMilliseconds)
        {
            return (RejectionReason.TimestampInFuture, $"'ts' is {ts - nowMs} ms ahead of the server clock; at most {(long)ProtocolLimits.MaxClockAhead.TotalMilliseconds} ms is accepted");
        }
        if (ts < nowMs - (long)ProtocolLimits.MaxAge.TotalMilliseconds)
        {
            return (RejectionReason.TimestampTooOld, $"'ts' is older than {ProtocolLimits.MaxAge.TotalDays} days");
        }
        return null;
    }

    private static string Trim(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
