using System.Buffers;
using System.Text;
using System.Text.Json;
using OneStop.Feedback.Server.Protocol;

namespace OneStop.Feedback.Server.Ingest;

/// <summary>
/// Turns one message on a terminal topic into an ingest item, waits for its commit and says how to answer.
/// Broker-agnostic: the embedded broker calls it from its publish interceptor, an external-broker
/// subscriber would call it before acknowledging. Everything that arrives is stored, as data or as a rejection.
/// </summary>
public sealed class TerminalMessageHandler(IngestPipeline queue, RejectionLog rejectionLog, TimeProvider time)
{
    /// <param name="topic">The MQTT topic.</param>
    /// <param name="authenticatedTerminal">The MQTT user that published, when the broker knows it; a
    /// terminal may only publish under its own id. Null when the broker already enforced that (ACL).</param>
    /// <param name="payload">The raw payload.</param>
    /// <param name="cancellationToken">Cancels the wait (connection gone, shutdown): the message is then not acknowledged.</param>
    public async Task<IngestVerdict> HandleAsync(string topic, string? authenticatedTerminal, ReadOnlySequence<byte> payload, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var raw = Copy(payload);
        if (!TerminalTopic.TryParse(topic, out var parsed))
        {
            await RejectAsync(topic, authenticatedTerminal, now, raw, payload.Length, RejectionReason.InvalidTopic,
                "not a protocol v1 terminal topic (onestop/v1/t/{terminalId}/rating|event|status)", cancellationToken);
            return authenticatedTerminal is null ? IngestVerdict.Rejected : IngestVerdict.NotAuthorized;
        }
        if (authenticatedTerminal is not null && !string.Equals(parsed.TerminalId, authenticatedTerminal, StringComparison.Ordinal))
        {
            await RejectAsync(topic, authenticatedTerminal, now, raw, payload.Length, RejectionReason.NotAuthorized,
                $"terminal '{authenticatedTerminal}' published under terminal '{parsed.TerminalId}'", cancellationToken);
            return IngestVerdict.NotAuthorized;
        }

        IngestItem item;
        switch (parsed.Kind)
        {
            case TopicKind.Rating:
                var rating = RatingPayloadParser.Parse(payload, now);
                item = rating.IsValid
                    ? new RatingItem(topic, parsed.TerminalId, now, raw, rating.Value!)
                    : Rejection(topic, parsed.TerminalId, now, raw, payload.Length, rating.Reason!, rating.Detail!);
                break;
            case TopicKind.Event:
                var ev = TerminalEventParser.Parse(payload, now);
                item = ev.IsValid
                    ? new EventItem(topic, parsed.TerminalId, now, raw, ev.Value!)
                    : Rejection(topic, parsed.TerminalId, now, raw, payload.Length, ev.Reason!, ev.Detail!);
                break;
            case TopicKind.Status:
                item = ParseStatus(topic, parsed.TerminalId, now, raw, payload);
                break;
            default:
                await RejectAsync(topic, parsed.TerminalId, now, raw, payload.Length, RejectionReason.NotAuthorized,
                    $"terminals do not publish on '{TerminalTopic.KindName(parsed.Kind)}'; the server does", cancellationToken);
                return IngestVerdict.NotAuthorized;
        }
        if (item is RejectionItem r)
        {
            rejectionLog.Rejected(r.TerminalId, topic, r.Reason, r.Detail);
        }
        var outcome = await queue.SubmitAsync(item, cancellationToken);
        if (outcome.Kind == IngestOutcomeKind.Rejected && item is not RejectionItem)
        {
            rejectionLog.Rejected(parsed.TerminalId, topic, outcome.Reason!, "found at commit");
        }
        return outcome.Kind == IngestOutcomeKind.Rejected ? IngestVerdict.Rejected : IngestVerdict.Accepted;
    }

    /// <summary>Records a status change seen by the broker itself (connect, disconnect).</summary>
    public Task RecordPresenceAsync(string terminalId, bool online, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var topic = TerminalTopic.Format(terminalId, TopicKind.Status);
        return queue.SubmitAsync(new StatusItem(topic, terminalId, now, [], online ? "online" : "offline", null), cancellationToken);
    }

    /// <summary>Status payloads: the plain text <c>online</c>/<c>offline</c> (the last will), or a JSON object with a
    /// <c>state</c> field and free telemetry (firmware version, outbox size, RSSI, heap), kept as detail.</summary>
    private static IngestItem ParseStatus(string topic, string terminal, long now, byte[] raw, ReadOnlySequence<byte> payload)
    {
        if (payload.Length > ProtocolLimits.MaxStatusBytes)
        {
            return Rejection(topic, terminal, now, raw, payload.Length, RejectionReason.PayloadTooLarge, $"status is {payload.Length} bytes, the limit is {ProtocolLimits.MaxStatusBytes}");
        }
        var text = Encoding.UTF8.GetString(raw).Trim();
        if (text is "online" or "offline")
        {
            return new StatusItem(topic, terminal, now, raw, text, null);
        }
        try
        {
            using var doc = JsonDocument.Parse(raw, new JsonDocumentOptions { MaxDepth = 4 });
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("state", out var state)
                && state.ValueKind == JsonValueKind.String
                && state.GetString() is "online" or "offline")
            {
                return new StatusItem(topic, terminal, now, raw, state.GetString()!, text);
            }
        }
        catch (JsonException)
        {
        }
        return Rejection(topic, terminal, now, raw, payload.Length, RejectionReason.InvalidJson,
            "status must be 'online', 'offline' or a JSON object with \"state\": \"online\"|\"offline\"");
    }

    private async Task RejectAsync(string topic, string? terminal, long now, byte[] raw, long size, string reason, string detail, CancellationToken cancellationToken)
    {
        rejectionLog.Rejected(terminal, topic, reason, detail);
        await queue.SubmitAsync(Rejection(topic, terminal, now, raw, size, reason, detail), cancellationToken);
    }

    private static RejectionItem Rejection(string topic, string? terminal, long now, byte[] raw, long size, string reason, string detail) =>
        new(topic, terminal, now, raw, (int)Math.Min(size, int.MaxValue), reason, detail);

    /// <summary>Copies at most what is kept: ratings are ≤ 1 KiB, and of anything larger only the head is stored.</summary>
    private static byte[] Copy(ReadOnlySequence<byte> payload)
    {
        var length = (int)Math.Min(payload.Length, ProtocolLimits.StoredRejectedPayloadBytes);
        var copy = new byte[length];
        payload.Slice(0, length).CopyTo(copy);
        return copy;
    }
}
