using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Server.Organisation;
using OneStop.Feedback.Server.Storage;

namespace OneStop.Feedback.Server.Access;

/// <summary>
/// Dashboard accounts: create, disable, reset password, and the login check with lockout. Every login attempt,
/// failed or not, and every account change is written to the audit log.
/// </summary>
public sealed partial class UserStore(
    Database database, OrganisationStore organisation, TimeProvider time, IOptions<LoginOptions> options,
    IOptions<AdminOptions> admin, IOptions<StorageOptions> storage, ILogger<UserStore> logger)
{
    public const string AdminUsername = "admin";
    public const string PasswordFileName = "admin-password.txt";

    private const string Columns = "id, username, display_name, role, unit_id, officer_id, stamp, disabled_at, locked_until, created_at";

    // Verified against when the user name is unknown, so that a miss costs the same time as a wrong password.
    private readonly Lazy<string> _dummyHash = new(() => PasswordHashing.Hash("not a password", options.Value.PasswordIterations));

    public IReadOnlyList<UserView> List()
    {
        using var c = database.Open();
        return c.Query($"SELECT {Columns} FROM users ORDER BY username", Map);
    }

    public UserView? Find(long id)
    {
        using var c = database.Open();
        return c.Query($"SELECT {Columns} FROM users WHERE id = $id", Map, ("$id", id)).SingleOrDefault();
    }

    public UserView? FindByName(string username)
    {
        using var c = database.Open();
        return c.Query($"SELECT {Columns} FROM users WHERE username = $u", Map, ("$u", Normalize(username))).SingleOrDefault();
    }

    public bool Any()
    {
        using var c = database.Open();
        return c.Scalar("SELECT id FROM users LIMIT 1") is not null;
    }

    /// <summary>
    /// Creates the first admin account (user name <c>admin</c>) when there is no account at all: with
    /// <c>Admin:Password</c> when configured, else with a generated password printed once and written to
    /// &lt;data&gt;/admin-password.txt (mode 600).
    /// </summary>
    public void EnsureAdmin()
    {
        if (Any())
        {
            return;
        }
        var configured = admin.Value.Password;
        if (!string.IsNullOrEmpty(configured) && PasswordProblem(configured) is { } problem)
        {
            throw new InvalidOperationException("Admin:Password: " + problem);
        }
        var password = string.IsNullOrEmpty(configured) ? PasswordHashing.NewPassword() : configured;
        Create(new UserRequest(AdminUsername, password, Roles.Admin, null, null, "Administrator"), "system");
        if (string.IsNullOrEmpty(configured))
        {
            var path = Path.Combine(storage.Value.ResolvedDataDirectory, PasswordFileName);
            PrivateFile.Write(path, password);
            LogGenerated(logger, AdminUsername, password, path);
        }
    }

    /// <summary>Problems with a new account, by field; empty when it can be created.</summary>
    public Dictionary<string, string[]> Validate(UserRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Username is null || !UsernamePattern().IsMatch(r.Username))
        {
            errors["username"] = ["3–64 characters: letters a–z, digits, '.', '_' or '-'"];
        }
        else if (FindByName(r.Username) is not null)
        {
            errors["username"] = [$"'{r.Username}' already exists"];
        }
        if (PasswordProblem(r.Password) is { } p)
        {
            errors["password"] = [p];
        }
        if (r.Role is null || !Roles.All.Contains(r.Role))
        {
            errors["role"] = ["one of " + string.Join(", ", Roles.All)];
        }
        if (r.Role == Roles.UnitHead && (r.UnitId is null || !organisation.UnitExists(r.UnitId)))
        {
            errors["unitId"] = ["a unit head needs an existing unitId"];
        }
        if (r.Role == Roles.Officer && (r.OfficerId is null || !organisation.OfficerExists(r.OfficerId)))
        {
            errors["officerId"] = ["an officer account needs an existing officerId"];
        }
        if (r.DisplayName is { Length: > 200 })
        {
            errors["displayName"] = ["at most 200 characters"];
        }
        return errors;
    }

    public static string? PasswordProblem(string? password) =>
        password is null || password.Length is < 10 or > 200 ? "10–200 characters" : null;

    /// <summary>Creates a validated account (call <see cref="Validate"/> first) and returns it.</summary>
    public UserView Create(UserRequest r, string actor)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        using var c = database.Open();
        using var tx = c.BeginTransaction();
        var id = (long)c.Scalar("""
            INSERT INTO users (username, display_name, password_hash, role, unit_id, officer_id, stamp, failed_logins, created_at)
            VALUES ($u, $d, $h, $role, $unit, $officer, $stamp, 0, $now) RETURNING id
            """, ("$u", Normalize(r.Username!)), ("$d", r.DisplayName), ("$h", PasswordHashing.Hash(r.Password!, options.Value.PasswordIterations)),
            ("$role", r.Role), ("$unit", r.Role == Roles.UnitHead ? r.UnitId : null), ("$officer", r.Role == Roles.Officer ? r.OfficerId : null),
            ("$stamp", NewStamp()), ("$now", now))!;
        AuditLog.Write(c, now, actor, "user.created", $"user:{Normalize(r.Username!)}", r.Role);
        tx.Commit();
        return Find(id)!;
    }

    /// <summary>Disables or re-enables an account; disabling ends its sessions and its tokens stop working.</summary>
    public UserView? SetDisabled(long id, bool disabled, string actor) =>
        Change(id, actor, disabled ? "user.disabled" : "user.enabled",
            "UPDATE users SET disabled_at = $at, stamp = $stamp WHERE id = $id", ("$at", disabled ? time.GetUtcNow().ToUnixTimeMilliseconds() : null));

    /// <summary>Sets a new password, clears a lockout and ends the account's sessions.</summary>
    public UserView? ResetPassword(long id, string password, string actor) =>
        Change(id, actor, "user.password_reset",
            "UPDATE users SET password_hash = $h, stamp = $stamp, failed_logins = 0, locked_until = NULL WHERE id = $id",
            ("$h", PasswordHashing.Hash(password, options.Value.PasswordIterations)));

    /// <summary>
    /// Checks a login. A locked account is refused without looking at the password; the
    /// <see cref="LoginOptions.LockoutFailures"/>th consecutive failure locks it for <see cref="LoginOptions.LockoutSeconds"/>.
    /// </summary>
    public (LoginOutcome Outcome, UserView? User) Login(string username, string password, string client)
    {
        var now = time.GetUtcNow();
        var ms = now.ToUnixTimeMilliseconds();
        var name = Normalize(username);
        using var c = database.Open();
        var row = c.Query("SELECT id, password_hash, failed_logins, locked_until, disabled_at FROM users WHERE username = $u",
            r => (Id: r.GetInt64(0), Hash: r.GetString(1), Failed: r.GetInt64(2), LockedUntil: r.NullableInt64(3), Disabled: !r.IsDBNull(4)), ("$u", name)).SingleOrDefault();
        if (row == default)
        {
            PasswordHashing.Verify(password, _dummyHash.Value);
            AuditLog.Write(c, ms, name, "login.failed", $"user:{name}", $"unknown user from {client}");
            return (LoginOutcome.Failed, null);
        }
        if (row.LockedUntil > ms)
        {
            AuditLog.Write(c, ms, name, "login.locked", $"user:{name}", $"refused while locked, from {client}");
            return (LoginOutcome.Locked, null);
        }
        if (!PasswordHashing.Verify(password, row.Hash) || row.Disabled)
        {
            // Locking resets the count, so a lock that ran out gives the next LockoutFailures attempts again.
            var failed = row.Failed + 1;
            var locks = failed >= options.Value.LockoutFailures;
            c.Execute("UPDATE users SET failed_logins = $f, locked_until = $until WHERE id = $id",
                ("$f", locks ? 0 : failed), ("$until", locks ? ms + (options.Value.LockoutSeconds * 1000L) : null), ("$id", row.Id));
            AuditLog.Write(c, ms, name, locks ? "login.lockout" : "login.failed", $"user:{name}", (row.Disabled ? "disabled account" : "wrong password") + $" from {client}");
            return (locks ? LoginOutcome.Locked : LoginOutcome.Failed, null);
        }
        c.Execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $id", ("$id", row.Id));
        AuditLog.Write(c, ms, name, "login.succeeded", $"user:{name}", $"from {client}");
        return (LoginOutcome.Success, Find(row.Id));
    }

    /// <summary>Records a sign-out in the audit log.</summary>
    public void LoggedOut(string username)
    {
        using var c = database.Open();
        AuditLog.Write(c, time.GetUtcNow().ToUnixTimeMilliseconds(), username, "logout", $"user:{username}", null);
    }

    private UserView? Change(long id, string actor, string action, string sql, params (string, object?)[] extra)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        using var c = database.Open();
        using var tx = c.BeginTransaction();
        var name = c.Scalar("SELECT username FROM users WHERE id = $id", ("$id", id)) as string;
        if (name is null)
        {
            return null;
        }
        c.Execute(sql, [("$id", id), ("$stamp", NewStamp()), .. extra]);
        AuditLog.Write(c, now, actor, action, $"user:{name}", null);
        tx.Commit();
        return Find(id);
    }

    private static string NewStamp() => Terminals.SecretHash.NewSecret();

    private static string Normalize(string username) => username.Trim().ToLowerInvariant();

    private static UserView Map(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.NullableString(2), r.GetString(3), r.NullableString(4), r.NullableString(5), r.GetString(6),
            r.NullableTime(7), r.NullableTime(8), r.Time(9));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first dashboard account '{Username}' with a generated password (shown once): {Password} — also written to {Path}")]
    private static partial void LogGenerated(ILogger logger, string username, string password, string path);

    [GeneratedRegex("^[a-z0-9._-]{3,64}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
