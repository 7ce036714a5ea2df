namespace OneStop.Feedback.Server.Terminals;

/// <summary>A terminal as the API shows it (never its secret or hash).</summary>
public sealed record TerminalView(
    string Id,
    string? CounterId,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset SecretRotatedAt,
    DateTimeOffset? LastSeenAt,
    bool Online,
    string? Status,
    DateTimeOffset? StatusAt,
    string? StatusDetail);

/// <summary>Body of <c>POST /api/v1/terminals</c>.</summary>
public sealed record CreateTerminalRequest(string? Id, string? CounterId, string? Name);

/// <summary>A terminal's MQTT credentials, shown once at creation or rotation.</summary>
public sealed record TerminalCredentials(string Id, string Secret);

/// <summary>From <c>From</c> on, the terminal stands at <c>CounterId</c>.</summary>
public sealed record TerminalAssignment(string CounterId, DateTimeOffset From);

/// <summary>Body of <c>PUT /api/v1/terminals/{id}/counter</c>.</summary>
public sealed record AssignRequest(string? CounterId, DateTimeOffset? From);
