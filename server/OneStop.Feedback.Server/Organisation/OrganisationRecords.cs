namespace OneStop.Feedback.Server.Organisation;

/// <summary>A node of the organisation tree, valid in [ValidFrom, ValidTo) (units are merged and renamed over time).</summary>
public sealed record UnitRecord(string Id, string Name, string? ParentId, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo, bool RequireServiceEvent);

/// <summary>A service desk of a unit.</summary>
public sealed record CounterRecord(string Id, string UnitId, string Name);

/// <summary>An officer (cán bộ) of a unit, optionally with the UID of the RFID badge used to sign in at a terminal.</summary>
public sealed record OfficerRecord(string Id, string Name, string UnitId, string? BadgeUid);

/// <summary>Body of unit create/update; all times ISO 8601.</summary>
public sealed record UnitRequest(string? Id, string? Name, string? ParentId, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, bool? RequireServiceEvent);

public sealed record CounterRequest(string? Id, string? UnitId, string? Name);

public sealed record OfficerRequest(string? Id, string? Name, string? UnitId, string? BadgeUid);
