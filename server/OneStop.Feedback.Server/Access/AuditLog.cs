using Microsoft.Data.Sqlite;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Access;

/// <summary>Writes one row of the audit trail (who did what to which subject, when and why).</summary>
public static class AuditLog
{
    public static void Write(SqliteConnection c, long at, string actor, string action, string subject, string? detail) =>
        c.Execute("INSERT INTO audit_log (at, actor, action, subject, detail) VALUES ($at, $actor, $action, $subject, $detail)",
            ("$at", at), ("$actor", actor), ("$action", action), ("$subject", subject), ("$detail", detail));
}
