using System.Buffers;
using System.Text.Json;

namespace OneStop.Feedback.Server.Protocol;

/// <summary>
/// Parses and validates a v1 rating payload (docs/protocol.md). Strict on purpose: an unknown field, a float
/// where an integer belongs or a score off the scale is a terminal bug that must show up in the rejections,
/// not be guessed around. Allocation-light: it reads the bytes once more after the envelope check.
/// </summary>
public static class RatingPayloadParser
{
    [Flags]
    private enum Field
    {
        None = 0,
        V = 1,
        Boot = 2,
        Seq = 4,
        Ts = 8,
        Scale = 16,
        Score = 32,
        Criteria = 64,
        Required = V | Boot | Seq | Ts | Scale | Score,
    }

    public static ParseResult<RatingPayload> Parse(ReadOnlySequence<byte> payload, long nowMs)
    {
        if (PayloadReader.CheckEnvelope(payload, ProtocolLimits.MaxPayloadBytes) is { } envelopeError)
        {
            return Reject(envelopeError);
        }

        var reader = PayloadReader.CreateReader(payload);
        reader.Read(); // StartObject, checked by the envelope pass
        var seen = Field.None;
        long version = 0, boot = 0, seq = 0, ts = 0, scale = 0, score = 0;
        var criteria = Criteria.None;
        var criteriaSeen = 0;
        (string Reason, string Detail) error;


        // The first problem is remembered and the scan goes on, so that a payload of another version is
        // reported as "unsupported-version" whatever else is wrong with it in v1 terms.
        (string Reason, string Detail)? firstError = null;
        var versionRead = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldOf(ref reader, out var name);
            reader.Read();
            if (firstError is not null && field != Field.V)
            {
                reader.Skip();
                continue;
            }
            if (field == Field.None)
            {
                firstError = (RejectionReason.UnknownField, $"unknown field '{name}' in a v1 rating");
                reader.Skip();
                continue;
            }
            if ((seen & field) != 0)
            {
                firstError ??= (RejectionReason.DuplicateField, $"field '{name}' appears twice");
                reader.Skip();
                continue;
            }
            seen |= field;
            var ok = field switch
            {
                Field.V => PayloadReader.TryReadInteger(ref reader, "v", 0, int.MaxValue, out version, out error),
                Field.Boot => PayloadReader.TryReadInteger(ref reader, "boot", 0, ProtocolLimits.MaxCounter, out boot, out error),
                Field.Seq => PayloadReader.TryReadInteger(ref reader, "seq", 0, ProtocolLimits.MaxCounter, out seq, out error),
                Field.Ts => PayloadReader.TryReadInteger(ref reader, "ts", 0, long.MaxValue, out ts, out error),
                Field.Scale => PayloadReader.TryReadInteger(ref reader, "scale", 0, int.MaxValue, out scale, out error),
                Field.Score => PayloadReader.TryReadInteger(ref reader, "score", long.MinValue, long.MaxValue, out score, out error),
                _ => ReadCriteria(ref reader, ref criteria, ref criteriaSeen, out error),
            };
            if (ok && field == Field.V)
            {
                versionRead = true;
            }
            if (!ok)
            {
                firstError ??= error;
                if (field != Field.Criteria)
                {
                    reader.Skip();
                }
            }
        }

        if (versionRead && version != 1)
        {
            return ParseResult<RatingPayload>.Reject(RejectionReason.UnsupportedVersion, $"'v' is {version}; this server speaks v1");
        }
        if (firstError is { } first)
        {
            return Reject(first);
        }
        if ((seen & Field.Required) != Field.Required)
        {
            return ParseResult<RatingPayload>.Reject(RejectionReason.MissingField, $"missing field(s): {Missing(seen)}");
        }
        if (scale is < 3 or > 5)
        {
            return ParseResult<RatingPayload>.Reject(RejectionReason.InvalidScale, $"'scale' is {scale}; it must be 3, 4 or 5");
        }
        if (score < 1 || score > scale)
        {
            return ParseResult<RatingPayload>.Reject(RejectionReason.ScoreOutOfRange, $"'score' is {score}; it must be 1..{scale}");
        }
        for (var i = 0; i < Criteria.Ids.Length; i++)
        {
            if (criteria[i] is { } answer && (answer < 1 || answer > scale))
            {
                return ParseResult<RatingPayload>.Reject(RejectionReason.CriterionOutOfRange, $"criterion '{Criteria.Ids[i]}' is {answer}; it must be 1..{scale}");
            }
        }
        if (PayloadReader.CheckTimestamp(ts, nowMs) is { } tsError)
        {
            return Reject(tsError);
        }
        return ParseResult<RatingPayload>.Ok(new RatingPayload(boot, seq, ts, (int)scale, (int)score, criteria));
    }

    /// <summary>Reads the criteria object to its end (even after a problem, so the outer scan stays aligned).</summary>
    private static bool ReadCriteria(ref Utf8JsonReader reader, ref Criteria criteria, ref int seenMask, out (string Reason, string Detail) error)
    {
        error = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = (RejectionReason.WrongType, "'criteria' must be an object");
            reader.Skip();
            return false;
        }
        var failed = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = Criteria.IndexOf(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            var id = reader.GetString();
            reader.Read();
            if (failed)
            {
                reader.Skip();
                continue;
            }
            if (index < 0)
            {
                (failed, error) = (true, (RejectionReason.UnknownCriterion, $"unknown criterion '{id}'; known: {string.Join(", ", Criteria.Ids)}"));
            }
            else if ((seenMask & (1 << index)) != 0)
            {
                (failed, error) = (true, (RejectionReason.DuplicateField, $"criterion '{id}' appears twice"));
            }
            else if (PayloadReader.TryReadInteger(ref reader, "criteria." + id, int.MinValue, int.MaxValue, out var value, out var valueError))
            {
                // Range against the scale is checked once the whole payload is read (scale may come later).
                seenMask |= 1 << index;
                criteria = criteria.With(index, (int)value);
            }
            else
            {
                failed = true;
                error = valueError.Reason == RejectionReason.OutOfRange
                    ? (RejectionReason.CriterionOutOfRange, $"criterion '{id}' is out of range")
                    : valueError;
            }
            reader.Skip();
        }
        return !failed;
    }

    private static Field FieldOf(ref Utf8JsonReader reader, out string name)
    {
        name = reader.GetString() ?? "";
        return name switch
        {
            "v" => Field.V,
            "boot" => Field.Boot,
            "seq" => Field.Seq,
            "ts" => Field.Ts,
            "scale" => Field.Scale,
            "score" => Field.Score,
            "criteria" => Field.Criteria,
            _ => Field.None,
        };
    }

    private static string Missing(Field seen)
    {
        var missing = new List<string>();
        foreach (var (field, name) in new[] { (Field.V, "v"), (Field.Boot, "boot"), (Field.Seq, "seq"), (Field.Ts, "ts"), (Field.Scale, "scale"), (Field.Score, "score") })
        {
            if ((seen & field) == 0)
            {
                missing.Add(name);
            }
        }
        return string.Join(", ", missing);
    }

    private static ParseResult<RatingPayload> Reject((string Reason, string Detail) error) =>
        ParseResult<RatingPayload>.Reject(error.Reason, error.Detail);
}
