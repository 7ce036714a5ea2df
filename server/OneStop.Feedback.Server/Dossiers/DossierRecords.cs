namespace OneStop.Feedback.Server.Dossiers;

/// <summary>One row of a service-event import; field names are those of the CSV columns.</summary>
public sealed record ServiceEventRow(string? Dossier, string? Procedure, string? Kind, string? Counter, string? Officer, string? At, string? Due);

/// <summary>A validated service event: dossier D received or returned at counter C (by officer O) at time At.</summary>
public sealed record ServiceEventRecord(string Dossier, string? Procedure, string Kind, string Counter, string? Officer, DateTimeOffset At, DateTimeOffset? Due);

/// <summary>A stored service event with its id.</summary>
public sealed record ServiceEventView(long Id, string Dossier, string? Procedure, string Kind, string Counter, string? Officer, DateTimeOffset At, DateTimeOffset? Due);

/// <summary>Body of <c>POST /api/v1/dossiers/{code}/completed</c>.</summary>
public sealed record CompletionRequest(DateTimeOffset? At);

/// <summary>A dossier as the server knows it from service events and completion.</summary>
public sealed record DossierView(string Code, string? Procedure, string? Counter, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? ReturnedAt, DateTimeOffset? CompletedAt);
