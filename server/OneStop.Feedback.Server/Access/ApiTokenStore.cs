using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Terminals;

namespace OneStop.Feedback.Server.Access;

/// <summary>
/// API tokens, stored as SHA-256 hashes with a role; revoked tokens stay for the audit trail. A token bound to an
/// account (user_id) acts as that account: its role and scope are read from the account on every request.
/// </summary>
public sealed partial class ApiTokenStore(Database database, TimeProvider time, IOptions<StorageOptions> storage, IOptions<AdminOptions> admin, ILogger<ApiTokenStore> logger)
{
    public const string TokenFileName = "admin-token.txt";

    /// <summary>The role of an active token, or null.</summary>
    public string? RoleOf(string token) => Resolve(token)?.Role;

    /// <summary>The role and account of an active token, or null.</summary>
    public (string Role, long? UserId)? Resolve(string token)
    {
        using var connection = database.Open();
        var rows = connection.Query("SELECT role, user_id FROM api_tokens WHERE token_hash = $hash AND revoked_at IS NULL",
            r => (r.GetString(0), r.NullableInt64(1)), ("$hash", SecretHash.TokenHash(token)));
        return rows.Count == 1 ? rows[0] : null;
    }

    /// <summary>Creates a token with a role and returns it (the plaintext exists only in the return value).</summary>
    public string Issue(string name, string role)
    {
        var token = NewToken();
        using var c = database.Open();
        Insert(c, name, role, token, null);
        return token;
    }

    /// <summary>Creates a token acting as <paramref name="user"/>; the plaintext exists only in the return value.</summary>
    public IssuedToken IssueFor(UserView user, string name, string actor)
    {
        var token = NewToken();
        using var c = database.Open();
        using var tx = c.BeginTransaction();
        var id = Insert(c, name, user.Role, token, user.Id);
        AuditLog.Write(c, time.GetUtcNow().ToUnixTimeMilliseconds(), actor, "token.issued", $"user:{user.Username}", $"token {id}: {name}");
        tx.Commit();
        return new IssuedToken(id, name, token);
    }

    public IReadOnlyList<TokenView> List(long? userId)
    {
        using var c = database.Open();
        return c.Query("SELECT id, name, role, user_id, created_at, revoked_at FROM api_tokens WHERE ($user IS NULL OR user_id = $user) ORDER BY id",
            r => new TokenView(r.GetInt64(0), r.GetString(1), r.GetString(2), r.NullableInt64(3), r.Time(4), r.NullableTime(5)), ("$user", userId));
    }

    /// <summary>Revokes a token of an account; false when there is no such active token.</summary>
    public bool Revoke(long userId, long tokenId, string actor)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        using var c = database.Open();
        using var tx = c.BeginTransaction();
        var revoked = c.Execute("UPDATE api_tokens SET revoked_at = $now WHERE id = $id AND user_id = $user AND revoked_at IS NULL",
            ("$now", now), ("$id", tokenId), ("$user", userId)) == 1;
        if (revoked)
        {
            AuditLog.Write(c, now, actor, "token.revoked", $"token:{tokenId}", null);
        }
        tx.Commit();
        return revoked;
    }

    /// <summary>
    /// Makes sure an admin can get in: the configured <c>Admin:ApiToken</c> is registered; without one, a
    /// token is generated on first start, printed once and written to &lt;data&gt;/admin-token.txt (mode 600).
    /// </summary>
    public void EnsureAdminToken()
    {
        var configured = admin.Value.ApiToken;
        using var c = database.Open();
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (RoleOf(configured) is null)
            {
                Insert(c, "admin (Admin:ApiToken)", Roles.Admin, configured, null);
            }
            return;
        }
        if (c.Scalar("SELECT id FROM api_tokens WHERE role = $role AND user_id IS NULL AND revoked_at IS NULL LIMIT 1", ("$role", Roles.Admin)) is not null)
        {
            return;
        }
        var token = Issue("admin (generated)", Roles.Admin);
        var path = Path.Combine(storage.Value.ResolvedDataDirectory, TokenFileName);
        PrivateFile.Write(path, token);
        LogGenerated(logger, token, path);
    }

    private static string NewToken() => "osf_" + SecretHash.NewSecret();

    private long Insert(SqliteConnection c, string name, string role, string token, long? userId) =>
        (long)c.Scalar("INSERT INTO api_tokens (name, token_hash, role, created_at, user_id) VALUES ($name, $hash, $role, $now, $user) RETURNING id",
            ("$name", name), ("$hash", SecretHash.TokenHash(token)), ("$role", role), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()), ("$user", userId))!;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated the admin API token (shown once): {Token} — also written to {Path}")]
    private static partial void LogGenerated(ILogger logger, string token, string path);
}
