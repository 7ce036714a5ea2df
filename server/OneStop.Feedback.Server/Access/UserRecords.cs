namespace OneStop.Feedback.Server.Access;

/// <summary>A dashboard account without its password hash. <c>Stamp</c> changes when the password is reset or the account disabled, which ends its sessions.</summary>
public sealed record UserView(long Id, string Username, string? DisplayName, string Role, string? UnitId, string? OfficerId, string Stamp,
    DateTimeOffset? DisabledAt, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt)
{
    public bool Disabled => DisabledAt is not null;
}

/// <summary>Body of POST /api/v1/users.</summary>
public sealed record UserRequest(string? Username, string? Password, string? Role, string? UnitId, string? OfficerId, string? DisplayName);

/// <summary>Body of POST /api/v1/users/{id}/password.</summary>
public sealed record PasswordRequest(string? Password);

/// <summary>Body of POST /api/v1/users/{id}/tokens.</summary>
public sealed record TokenRequest(string? Name);

/// <summary>A token just issued: the plaintext exists only in this response.</summary>
public sealed record IssuedToken(long Id, string Name, string Token);

/// <summary>A token as listed (never its value).</summary>
public sealed record TokenView(long Id, string Name, string Role, long? UserId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>What a login attempt came to.</summary>
public enum LoginOutcome
{
    Success,
    Failed,
    Locked,
}
