using Microsoft.Extensions.Options;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Terminals;

namespace OneStop.Feedback.Server.Access;

/// <summary>API tokens, stored as SHA-256 hashes with a role; revoked tokens stay for the audit trail.</summary>
public sealed partial class ApiTokenStore(Database database, TimeProvider time, IOptions<StorageOptions> storage, IOptions<AdminOptions> admin, ILogger<ApiTokenStore> logger)
{
    public const string TokenFileName = "admin-token.txt";

    /// <summary>The role of an active token, or null.</summary>
    public string? RoleOf(string token)
    {
        using var connection = database.Open();
        using var command = connection.Command("SELECT role FROM api_tokens WHERE token_hash = $hash AND revoked_at IS NULL", ("$hash", SecretHash.TokenHash(token)));
        return command.ExecuteScalar() as string;
    }

    /// <summary>Creates a token with a role and returns it (the plaintext exists only in the return value).</summary>
    public string Issue(string name, string role)
    {
        var token = "osf_" + SecretHash.NewSecret();
        Insert(name, role, token);
        return token;
    }

    /// <summary>
    /// Makes sure an admin can get in: the configured <c>Admin:ApiToken</c> is registered; without one, a
    /// token is generated on first start, printed once and written to &lt;data&gt;/admin-token.txt (mode 600).
    /// </summary>
    public void EnsureAdminToken()
    {
        var configured = admin.Value.ApiToken;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (RoleOf(configured) is null)
            {
                Insert("admin (Admin:ApiToken)", Roles.Admin, configured);
            }
            return;
        }
        if (HasActiveAdmin())
        {
            return;
        }
        var token = Issue("admin (generated)", Roles.Admin);
        var path = Path.Combine(storage.Value.ResolvedDataDirectory, TokenFileName);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
        {
            writer.WriteLine(token);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        LogGenerated(logger, token, path);
    }

    private bool HasActiveAdmin()
    {
        using var connection = database.Open();
        using var command = connection.Command("SELECT EXISTS (SELECT 1 FROM api_tokens WHERE role = $role AND revoked_at IS NULL)", ("$role", Roles.Admin));
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private void Insert(string name, string role, string token)
    {
        using var connection = database.Open();
        using var command = connection.Command("INSERT INTO api_tokens (name, token_hash, role, created_at) VALUES ($name, $hash, $role, $now) ON CONFLICT (token_hash) DO NOTHING", ("$name", name), ("$hash", SecretHash.TokenHash(token)), ("$role", role), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()));
        command.ExecuteNonQuery();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated the admin API token (shown once): {Token} — also written to {Path}")]
    private static partial void LogGenerated(ILogger logger, string token, string path);
}
