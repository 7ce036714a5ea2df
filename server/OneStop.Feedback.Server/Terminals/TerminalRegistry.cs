using System.Data.Common;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Server.Attribution;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Terminals;

/// <summary>The terminal registry: creation, secret rotation, listing, and the credential check the broker uses.</summary>
public sealed class TerminalRegistry(Database database, TimeProvider time, IOptions<AttributionOptions> attribution)
{
    /// <summary>Creates a terminal; null when the id is taken.</summary>
    public TerminalCredentials? Create(string id, string? counterId, string name)
    {
        var secret = SecretHash.NewSecret();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        using var connection = database.Open();
        var created = connection.Execute("""
            INSERT INTO terminals (id, counter_id, name, secret_hash, created_at, secret_rotated_at)
            VALUES ($id, $counter, $name, $hash, $now, $now)
            ON CONFLICT (id) DO NOTHING
            """, ("$id", id), ("$counter", counterId), ("$name", name), ("$hash", SecretHash.Hash(secret)), ("$now", now));
        if (created != 1)
        {
            return null;
        }
        if (counterId is not null)
        {
            // The first assignment also covers the time before it (attribution rule): it starts at the epoch.
            connection.Execute("INSERT INTO terminal_assignments (terminal_id, counter_id, from_at) VALUES ($t, $c, 0)", ("$t", id), ("$c", counterId));
            database.AssignmentsChanged();
        }
        return new TerminalCredentials(id, secret);
    }

    /// <summary>Gives a terminal a new secret; the old one stops working at once. Null for an unknown terminal.</summary>
    public TerminalCredentials? RotateSecret(string id)
    {
        var secret = SecretHash.NewSecret();
        using var connection = database.Open();
        var updated = connection.Execute("UPDATE terminals SET secret_hash = $hash, secret_rotated_at = $now WHERE id = $id",
            ("$id", id), ("$hash", SecretHash.Hash(secret)), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()));
        return updated == 1 ? new TerminalCredentials(id, secret) : null;
    }

    /// <summary>True when the terminal exists and the secret matches its stored hash.</summary>
    public bool VerifySecret(string id, string secret)
    {
        using var connection = database.Open();
        return connection.Scalar("SELECT secret_hash FROM terminals WHERE id = $id", ("$id", id)) is string hash && SecretHash.Verify(secret, hash);
    }

    /// <summary>Moves a terminal to a counter from a time on, keeping the history; false for an unknown terminal.</summary>
    public bool Assign(string id, string counterId, DateTimeOffset from)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        var old = connection.Scalar(tx, "SELECT counter_id FROM terminals WHERE id = $id", ("$id", id)) as string;
        var updated = connection.Execute(tx, "UPDATE terminals SET counter_id = $c WHERE id = $id", ("$id", id), ("$c", counterId));
        if (updated == 1)
        {
            // Ratings from `from` on move between counters: both sides are recomputed (bounded to a year back).
            var now = time.GetUtcNow();
            var since = from < now.AddDays(-366) ? now.AddDays(-366) : from;
            DirtyCounterDays.Mark(connection, tx, AttributionScope.AffectedByTerminalMove(old ?? counterId, counterId, since, now, attribution.Value), now.ToUnixTimeMilliseconds());
            connection.Execute(tx, """
                INSERT INTO terminal_assignments (terminal_id, counter_id, from_at) VALUES ($t, $c, $from)
                ON CONFLICT (terminal_id, from_at) DO UPDATE SET counter_id = $c
                """, ("$t", id), ("$c", counterId), ("$from", from.ToUnixTimeMilliseconds()));
        }
        tx.Commit();
        database.AssignmentsChanged();
        return updated == 1;
    }

    /// <summary>The assignment history of a terminal, oldest first.</summary>
    public IReadOnlyList<TerminalAssignment> Assignments(string id)
    {
        using var connection = database.Open();
        return connection.Query("SELECT counter_id, from_at FROM terminal_assignments WHERE terminal_id = $id ORDER BY from_at",
            r => new TerminalAssignment(r.GetString(0), r.Time(1)), ("$id", id));
    }

    /// <summary>Every terminal's id and stored secret hash, for exporting a Mosquitto passwd file (no plaintext needed).</summary>
    public IReadOnlyList<(string Id, string SecretHash)> SecretHashes()
    {
        using var connection = database.Open();
        return connection.Query("SELECT id, secret_hash FROM terminals ORDER BY id", r => (r.GetString(0), r.GetString(1)));
    }

    public IReadOnlyList<TerminalView> List() => Query(null);

    public TerminalView? Find(string id) => Query(id) is [var one] ? one : null;

    private List<TerminalView> Query(string? id)
    {
        using var connection = database.Open();
        return connection.Query("""
            SELECT id, counter_id, name, created_at, secret_rotated_at, last_seen_at, status, status_at, status_detail
            FROM terminals WHERE CAST($id AS TEXT) IS NULL OR id = $id ORDER BY id
            """, ReadTerminal, ("$id", id));
    }

    private static TerminalView ReadTerminal(DbDataReader reader)
    {
        var status = reader.IsDBNull(6) ? null : reader.GetString(6);
        return new TerminalView(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.GetString(2),
            FromMs(reader.GetInt64(3)),
            FromMs(reader.GetInt64(4)),
            NullableMs(reader, 5),
            status == "online",
            status,
            NullableMs(reader, 7),
            reader.IsDBNull(8) ? null : reader.GetString(8));
    }

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? NullableMs(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromMs(reader.GetInt64(ordinal));
}
