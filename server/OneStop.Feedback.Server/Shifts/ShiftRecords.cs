namespace OneStop.Feedback.Server.Shifts;

/// <summary>Officer O served at counter C from Start until End (open while End is null). Source: api, dashboard or badge.</summary>
public sealed record ShiftRecord(long Id, string OfficerId, string CounterId, DateTimeOffset Start, DateTimeOffset? End, string Source);

/// <summary>Body of <c>POST /api/v1/shifts</c>.</summary>
public sealed record ShiftRequest(string? OfficerId, string? CounterId, DateTimeOffset? Start, DateTimeOffset? End);

/// <summary>Body of <c>POST /api/v1/shifts/{id}/end</c>.</summary>
public sealed record EndShiftRequest(DateTimeOffset? End);
