namespace OneStop.Feedback.Dashboard.Pages;

/// <summary>A unit on the organisation page; <c>Depth</c> is its level in the tree (0 for a root).</summary>
public sealed record UnitAdminRow(string Id, string Name, string? ParentId, int Depth, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo, bool RequireServiceEvent);

/// <summary>A counter on the organisation page.</summary>
public sealed record CounterAdminRow(string Id, string UnitId, string Name);

/// <summary>An officer on the organisation page.</summary>
public sealed record OfficerAdminRow(string Id, string Name, string UnitId, string? BadgeUid);

/// <summary>A terminal on the terminals page (never its secret or hash).</summary>
public sealed record TerminalAdminRow(string Id, string Name, string? CounterId, bool Online, DateTimeOffset? LastSeenAt, string? Status, DateTimeOffset? StatusAt, string? StatusDetail, DateTimeOffset SecretRotatedAt);

/// <summary>A secret just made for a terminal: shown on this one response and never again.</summary>
public sealed record IssuedSecret(string TerminalId, string Secret, bool Rotated);

/// <summary>One configured setting on the settings page: its configuration key and current value.</summary>
public sealed record SettingRow(string Key, string Value);
