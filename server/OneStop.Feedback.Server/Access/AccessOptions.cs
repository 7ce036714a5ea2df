namespace OneStop.Feedback.Server.Access;

/// <summary>Configuration section <c>Admin</c>.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Admin API token given by the operator; when empty, one is generated on first start.</summary>
    public string? ApiToken { get; set; }

    /// <summary>Password of the first admin account (user name <c>admin</c>); when empty, one is generated on first start.</summary>
    public string? Password { get; set; }
}

/// <summary>Configuration section <c>Login</c>: password hashing cost, lockout and the login endpoint's rate limit.</summary>
public sealed class LoginOptions
{
    public const string Section = "Login";

    /// <summary>PBKDF2 iterations for new password hashes (existing hashes keep theirs).</summary>
    public int PasswordIterations { get; set; } = PasswordHashing.DefaultIterations;

    /// <summary>Consecutive failed logins of one account that lock it.</summary>
    public int LockoutFailures { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutSeconds { get; set; } = 900;

    /// <summary>Login attempts (POST /login) allowed per client IP per minute.</summary>
    public int AttemptsPerIpPerMinute { get; set; } = 30;

    /// <summary>How long a cookie session lasts without activity.</summary>
    public int SessionMinutes { get; set; } = 480;
}
