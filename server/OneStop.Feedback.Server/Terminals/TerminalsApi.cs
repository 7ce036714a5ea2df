using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Feedback.Server.Mqtt;
using OneStop.Feedback.Server.Protocol;

namespace OneStop.Feedback.Server.Terminals;

/// <summary>Terminal registry endpoints: provision a terminal, list them with status, rotate a secret.</summary>
public static class TerminalsApi
{
    public static RouteGroupBuilder MapTerminals(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/terminals").WithTags("Terminals").RequireAuthorization(Access.AccessPolicies.Admin);
        group.MapPost("/", Create).WithSummary("Provision a terminal; the response holds its MQTT secret, shown only this once.");
        group.MapGet("/", (TerminalRegistry registry) => TypedResults.Ok(registry.List())).WithSummary("List terminals with last-seen time and online status.");
        group.MapGet("/{id}", Get).WithSummary("One terminal.");
        group.MapPut("/{id}/counter", Assign).WithSummary("Move a terminal to a counter from a time on (history kept).");
        group.MapGet("/{id}/assignments", (string id, TerminalRegistry registry) => TypedResults.Ok(registry.Assignments(id))).WithSummary("Counter history of a terminal.");
        group.MapPost("/{id}/secret", Rotate).WithSummary("Rotate a terminal's secret: the old one stops working and the terminal is disconnected.");
        return group;
    }

    private static Results<Created<TerminalCredentials>, ValidationProblem, Conflict<ProblemDetailsBody>> Create(CreateTerminalRequest request, TerminalRegistry registry)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Id is null || !TerminalId.IsValid(request.Id))
        {
            errors["id"] = ["id must be 1-64 characters of A-Z, a-z, 0-9, '_' and '-'"];
        }
        if (request.CounterId is { Length: > 64 })
        {
            errors["counterId"] = ["counterId must be at most 64 characters"];
        }
        if (request.Name is { Length: > 200 })
        {
            errors["name"] = ["name must be at most 200 characters"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var credentials = registry.Create(request.Id!, string.IsNullOrWhiteSpace(request.CounterId) ? null : request.CounterId, request.Name?.Trim() ?? request.Id!);
        return credentials is null
            ? TypedResults.Conflict(new ProblemDetailsBody("Terminal exists", $"A terminal with id '{request.Id}' already exists; rotate its secret instead.", 409))
            : TypedResults.Created($"/api/v1/terminals/{credentials.Id}", credentials);
    }

    private static Results<NoContent, NotFound, ValidationProblem> Assign(string id, AssignRequest request, TerminalRegistry registry, Organisation.OrganisationStore organisation, TimeProvider time)
    {
        if (request.CounterId is null || !organisation.CounterExists(request.CounterId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["counterId"] = [$"counter '{request.CounterId}' does not exist"] });
        }
        return registry.Assign(id, request.CounterId, request.From ?? time.GetUtcNow()) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static Results<Ok<TerminalView>, NotFound> Get(string id, TerminalRegistry registry) =>
        registry.Find(id) is { } terminal ? TypedResults.Ok(terminal) : TypedResults.NotFound();

    private static async Task<Results<Ok<TerminalCredentials>, NotFound>> Rotate(string id, TerminalRegistry registry, IBrokerControl broker, CancellationToken cancellationToken)
    {
        if (registry.RotateSecret(id) is not { } credentials)
        {
            return TypedResults.NotFound();
        }
        await broker.DisconnectTerminalAsync(id, cancellationToken);
        return TypedResults.Ok(credentials);
    }
}

/// <summary>An RFC 7807 problem body for results that are not validation problems.</summary>
public sealed record ProblemDetailsBody(string Title, string Detail, int Status);
