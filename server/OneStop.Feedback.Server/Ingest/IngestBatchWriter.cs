using System.Data.Common;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Protocol;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Ingest;

/// <summary>
/// Writes a batch of ingest items in one transaction with prepared statements (group commit). The
/// UNIQUE (terminal, boot, seq) index does the de-duplication (<c>ON CONFLICT DO NOTHING</c>, which on PostgreSQL
/// waits for a replica inserting the same key and then compares with what it committed); a redelivery with different
/// content is kept as a <c>conflicting-duplicate</c> rejection, never as a second rating. Rows other replicas also
/// update (terminals, dirty counter-days) are touched in key order at the end, and a deadlock or serialization
/// failure re-runs the batch, so concurrent replicas never fail a batch for each other.
/// </summary>
public sealed class IngestBatchWriter : IDisposable
{
    private readonly DbConnection _connection;
    private readonly DbCommand _insertRating;
    private readonly DbCommand _findRating;
    private readonly DbCommand _insertEvent;
    private readonly DbCommand _insertRejection;
    private readonly DbCommand _terminalExists;
    private readonly DbCommand _touchTerminal;
    private readonly DbCommand _setStatus;
    private readonly HashSet<string> _knownTerminals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _seenInBatch = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long From, string Counter)[]> _assignments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastSeenWritten = new(StringComparer.Ordinal);
    private readonly List<(string Terminal, long At)> _lastSeenInBatch = [];
    private readonly Database _database;
    private long _assignmentsVersion = -1;
    private readonly HashSet<CounterDay> _dirtyInBatch = [];
    private readonly DbCommand _findAssignments;
    private DbTransaction? _tx;

    private readonly AttributionOptions _attribution;
    private readonly SqlDialect _dialect;
    private readonly TimeProvider _time;

    /// <param name="database">The store.</param>
    /// <param name="attribution">Which counter-days a rating can change.</param>
    /// <param name="time">The clock of the dirty marks; the attribution worker waits for quiet on the same clock.</param>
    public IngestBatchWriter(Database database, AttributionOptions attribution, TimeProvider? time = null)
    {
        _attribution = attribution;
        _time = time ?? TimeProvider.System;
        _database = database;
        _dialect = database.Dialect;
        _connection = database.Open();
        _insertRating = Prepare("""
            INSERT INTO ratings (terminal_id, boot, seq, scale, score, listen, explain, trust, apologize, thank,
                                 terminal_ts, occurred_at, received_at, clock_synced)
            VALUES ($t, $boot, $seq, $scale, $score, $c0, $c1, $c2, $c3, $c4, $ts, $occurred, $received, $synced)
            ON CONFLICT (terminal_id, boot, seq) DO NOTHING
            """, "$t", "$boot", "$seq", "$scale", "$score", "$c0", "$c1", "$c2", "$c3", "$c4", "$ts", "$occurred", "$received", "$synced");
        _findRating = Prepare("""
            SELECT scale, score, listen, explain, trust, apologize, thank, terminal_ts
            FROM ratings WHERE terminal_id = $t AND boot = $boot AND seq = $seq
            """, "$t", "$boot", "$seq");
        _insertEvent = Prepare("""
            INSERT INTO terminal_events (terminal_id, boot, seq, kind, terminal_ts, occurred_at, received_at, body)
            VALUES ($t, $boot, $seq, $kind, $ts, $occurred, $received, $body)
            ON CONFLICT (terminal_id, boot, seq) DO NOTHING
            """, "$t", "$boot", "$seq", "$kind", "$ts", "$occurred", "$received", "$body");
        _insertRejection = Prepare("""
            INSERT INTO ingest_rejections (received_at, terminal_id, topic, reason, detail, payload, payload_size)
            VALUES ($received, $t, $topic, $reason, $detail, $payload, $size)
            """, "$received", "$t", "$topic", "$reason", "$detail", "$payload", "$size");
        _findAssignments = Prepare("SELECT from_at, counter_id FROM terminal_assignments WHERE terminal_id = $t ORDER BY from_at, counter_id", "$t");
        _terminalExists = Prepare("SELECT EXISTS (SELECT 1 FROM terminals WHERE id = $t)", "$t");
        _touchTerminal = Prepare("UPDATE terminals SET last_seen_at = CASE WHEN coalesce(last_seen_at, 0) > $at THEN last_seen_at ELSE $at END WHERE id = $t", "$t", "$at");
        _setStatus = Prepare("""
            UPDATE terminals SET status = $state, status_at = $at, status_detail = coalesce($detail, status_detail)
            WHERE id = $t AND coalesce(status_at, 0) <= $at
            """, "$t", "$state", "$at", "$detail");
    }

    /// <summary>Writes and commits the batch; returns one outcome per item, in order.</summary>
    public IngestOutcome[] Commit(IReadOnlyList<IngestItem> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return CommitOnce(batch);
            }
            catch (Exception ex) when (attempt < MaxAttempts && _dialect.IsTransient(ex))
            {
                // Another replica held a row this batch needed (deadlock / serialization failure): run it again.
                Thread.Sleep(Random.Shared.Next(5, 50) * attempt);
            }
        }
    }

    private const int MaxAttempts = 5;

    /// <summary>How stale <c>terminals.last_seen_at</c> may be under a steady stream of ratings.</summary>
    public const long LastSeenResolutionMs = 1000;

    private IngestOutcome[] CommitOnce(IReadOnlyList<IngestItem> batch)
    {
        var outcomes = new IngestOutcome[batch.Count];
        _seenInBatch.Clear();
        _lastSeenInBatch.Clear();
        _dirtyInBatch.Clear();
        // Counter histories stay valid across batches while nothing moved a terminal; with other writer processes
        // (PostgreSQL replicas) they are read again in every batch.
        var version = _database.AssignmentsVersion;
        if (!_database.SingleWriterProcess || version != _assignmentsVersion)
        {
            _assignments.Clear();
            _assignmentsVersion = version;
        }
        using var tx = _connection.BeginTransaction();
        _tx = tx;
        foreach (var command in new[] { _insertRating, _findRating, _insertEvent, _insertRejection, _terminalExists, _touchTerminal, _setStatus, _findAssignments })
        {
            command.Transaction = tx;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            outcomes[i] = Write(batch[i]);
        }
        foreach (var (terminal, at) in _seenInBatch.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            // last_seen_at is for people ("seen 3 s ago"): written at most once a second per terminal, not per batch.
            if (at - _lastSeenWritten.GetValueOrDefault(terminal, long.MinValue / 2) >= LastSeenResolutionMs)
            {
                Run(_touchTerminal, terminal, at);
                _lastSeenInBatch.Add((terminal, at));
            }
        }
        // Schedule the attribution of every counter-day the new ratings can change, once per batch. Marked with the
        // commit's time, not the items' arrival: items that waited behind a long commit (a backlog drained from an
        // external broker) would otherwise mark their counter-days as quiet for long already, and the attribution
        // worker would recompute them, and hold the write lock, between every two batches of the ingest.
        var markedAt = Math.Max(_time.GetUtcNow().ToUnixTimeMilliseconds(), batch[^1].ReceivedAtMs);
        DirtyCounterDays.Mark(_connection, _tx, _dirtyInBatch.OrderBy(d => d.CounterId, StringComparer.Ordinal).ThenBy(d => d.Day), markedAt);
        tx.Commit();
        foreach (var (terminal, at) in _lastSeenInBatch)
        {
            _lastSeenWritten[terminal] = at; // only once committed: a batch that is run again writes them again
        }
        return outcomes;
    }

    private IngestOutcome Write(IngestItem item)
    {
        if (item is RejectionItem rejection)
        {
            InsertRejection(rejection.Topic, rejection.TerminalId, rejection.ReceivedAtMs, rejection.Payload, rejection.PayloadSize, rejection.Reason, rejection.Detail);
            return IngestOutcome.Rejected(rejection.Reason);
        }
        var terminal = item.TerminalId!;
        if (!TerminalExists(terminal))
        {
            InsertRejection(item.Topic, terminal, item.ReceivedAtMs, item.Payload, item.Payload.Length, RejectionReason.UnknownTerminal, $"terminal '{terminal}' is not registered");
            return IngestOutcome.Rejected(RejectionReason.UnknownTerminal);
        }
        _seenInBatch[terminal] = Math.Max(_seenInBatch.GetValueOrDefault(terminal), item.ReceivedAtMs);
        return item switch
        {
            RatingItem rating => WriteRating(rating),
            EventItem ev => WriteEvent(ev),
            StatusItem status => WriteStatus(status),
            _ => throw new InvalidOperationException($"Unknown ingest item {item.GetType().Name}"),
        };
    }

    private IngestOutcome WriteRating(RatingItem item)
    {
        var r = item.Rating;
        var occurred = r.ClockSynced ? r.Timestamp : item.ReceivedAtMs;
        var inserted = Run(_insertRating, item.TerminalId, r.Boot, r.Seq, r.Scale, r.Score,
            r.Criteria.Listen, r.Criteria.Explain, r.Criteria.Trust, r.Criteria.Apologize, r.Criteria.Thank,
            r.Timestamp, occurred, item.ReceivedAtMs, r.ClockSynced ? 1 : 0);
        if (inserted == 1)
        {
            // Schedule the attribution of the counter-days this press can change (same transaction).
            if (CounterAt(item.TerminalId!, occurred) is { } counter)
            {
                _dirtyInBatch.UnionWith(AttributionScope.AffectedByRating(counter, DateTimeOffset.FromUnixTimeMilliseconds(occurred), _attribution));
            }
            return IngestOutcome.Stored;
        }
        if (SameAsStored(item.TerminalId!, r))
        {
            return IngestOutcome.Duplicate;
        }
        InsertRejection(item.Topic, item.TerminalId, item.ReceivedAtMs, item.Payload, item.Payload.Length, RejectionReason.ConflictingDuplicate,
            $"(terminal, boot, seq) = ({item.TerminalId}, {r.Boot}, {r.Seq}) is already stored with other content; the first one is kept");
        return IngestOutcome.Rejected(RejectionReason.ConflictingDuplicate);
    }

    private bool SameAsStored(string terminal, RatingPayload r)
    {
        Bind(_findRating, terminal, r.Boot, r.Seq);
        using var reader = _findRating.ExecuteReader();
        if (!reader.Read())
        {
            return false;
        }
        int? Criterion(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
        var stored = new Criteria(Criterion(2), Criterion(3), Criterion(4), Criterion(5), Criterion(6));
        return reader.GetInt32(0) == r.Scale && reader.GetInt32(1) == r.Score && stored == r.Criteria && reader.GetInt64(7) == r.Timestamp;
    }

    private IngestOutcome WriteEvent(EventItem item)
    {
        var e = item.Event;
        var occurred = e.ClockSynced ? e.Timestamp : item.ReceivedAtMs;
        var inserted = Run(_insertEvent, item.TerminalId, e.Boot, e.Seq, e.Kind, e.Timestamp, occurred, item.ReceivedAtMs, e.Body);
        if (inserted == 0)
        {
            return IngestOutcome.Duplicate;
        }
        if (e.Kind == "badge" && e.BadgeUid is { } uid)
        {
            // In the same transaction as the event row: a redelivered tap is a duplicate and acts only once.
            Shifts.ShiftStore.ApplyBadgeTap(_connection, _tx!, item.TerminalId!, uid, occurred, item.ReceivedAtMs, _attribution);
        }
        return IngestOutcome.Stored;
    }

    private IngestOutcome WriteStatus(StatusItem item)
    {
        Run(_setStatus, item.TerminalId, item.State, item.ReceivedAtMs, item.Detail);
        return IngestOutcome.Stored;
    }

    /// <summary>The terminal's counter at a time (its first assignment also covers the time before it), from a cache.</summary>
    private string? CounterAt(string terminal, long at)
    {
        if (!_assignments.TryGetValue(terminal, out var history))
        {
            Bind(_findAssignments, terminal);
            var list = new List<(long, string)>();
            using (var reader = _findAssignments.ExecuteReader())
            {
                while (reader.Read())
                {
                    list.Add((reader.GetInt64(0), reader.GetString(1)));
                }
            }
            _assignments[terminal] = history = [.. list];
        }
        if (history.Length == 0)
        {
            return null;
        }
        var counter = history[0].Counter;
        foreach (var (from, c) in history)
        {
            if (from > at)
            {
                break;
            }
            counter = c;
        }
        return counter;
    }

    /// <summary>Terminals are never deleted, so a terminal found once is remembered across batches; an unknown one is looked up again.</summary>
    private bool TerminalExists(string terminal)
    {
        if (_knownTerminals.Contains(terminal))
        {
            return true;
        }
        Bind(_terminalExists, terminal);
        var exists = Convert.ToInt64(_terminalExists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
        if (exists)
        {
            _knownTerminals.Add(terminal);
        }
        return exists;
    }

    private void InsertRejection(string topic, string? terminal, long receivedAt, byte[] payload, int size, string reason, string detail)
    {
        var kept = payload.Length > ProtocolLimits.StoredRejectedPayloadBytes ? payload[..ProtocolLimits.StoredRejectedPayloadBytes] : payload;
        Run(_insertRejection, receivedAt, terminal, topic, reason, detail, kept, size);
    }

    private DbCommand Prepare(string sql, params string[] parameters)
    {
        return _connection.Command(sql, [.. parameters.Select(name => (name, (object?)null))]);
    }

    private static void Bind(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch { null => DBNull.Value, bool b => b ? 1L : 0L, var v => v };
        }
    }

    private static int Run(DbCommand command, params object?[] values)
    {
        Bind(command, values);
        return command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in new[] { _insertRating, _findRating, _insertEvent, _insertRejection, _terminalExists, _touchTerminal, _setStatus, _findAssignments })
        {
            command.Dispose();
        }
        _connection.Dispose();
    }
}
