using Microsoft.Extensions.Options;
using OneStop.Feedback.Server.Protocol;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Faults.Tests.Support;

/// <summary>What the server's database holds, read straight from the file (also while the server runs: WAL readers do not block it).</summary>
internal sealed record StoredRatings(IReadOnlyList<RatingKey> Rows, int ConflictingDuplicates)
{
    public int Count => Rows.Count;

    /// <summary>Rows beyond the first of each (terminal, boot, seq).</summary>
    public int Duplicates => Rows.Count - Keys.Count;

    public HashSet<RatingKey> Keys { get; } = [.. Rows];

    public static StoredRatings Read(string dataDirectory)
    {
        var database = new Database(Options.Create(new StorageOptions { DataDirectory = dataDirectory }));
        using var connection = database.Open();
        var rows = new List<RatingKey>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT terminal_id, boot, seq FROM ratings";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(new RatingKey(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
            }
        }
        var conflicts = connection.Scalar("SELECT COUNT(*) FROM ingest_rejections WHERE reason = $reason", ("$reason", RejectionReason.ConflictingDuplicate));
        return new StoredRatings(rows, Convert.ToInt32(conflicts, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The acknowledged keys that are not stored.</summary>
    public List<RatingKey> Missing(IEnumerable<RatingKey> acked) => acked.Where(k => !Keys.Contains(k)).ToList();
}
