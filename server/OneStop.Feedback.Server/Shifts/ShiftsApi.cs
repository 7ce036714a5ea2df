using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Feedback.Server.Organisation;

namespace OneStop.Feedback.Server.Shifts;

/// <summary>Shifts: who served at which counter when (also created by badge taps at the terminal).</summary>
public static class ShiftsApi
{
    public static RouteGroupBuilder MapShifts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/shifts").WithTags("Shifts").RequireAuthorization(Access.AccessPolicies.Reader);
        group.MapGet("/", (ShiftStore s, string? counter, string? officer, DateTimeOffset? from, DateTimeOffset? to) => TypedResults.Ok(s.List(counter, officer, from, to)))
            .WithSummary("Shifts overlapping [from, to), optionally of one counter or officer.");
        group.MapPost("/", Create).RequireAuthorization(Access.AccessPolicies.Admin).WithSummary("Record a shift (end optional: open shift).");
        group.MapPost("/{id:long}/end", End).RequireAuthorization(Access.AccessPolicies.Admin).WithSummary("End an open shift.");
        return group;
    }

    private static Results<Created<ShiftRecord>, ValidationProblem> Create(ShiftRequest r, ShiftStore shifts, OrganisationStore organisation)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.OfficerId is null || !organisation.OfficerExists(r.OfficerId))
        {
            errors["officerId"] = [$"officer '{r.OfficerId}' does not exist"];
        }
        if (r.CounterId is null || !organisation.CounterExists(r.CounterId))
        {
            errors["counterId"] = [$"counter '{r.CounterId}' does not exist"];
        }
        if (r.Start is null)
        {
            errors["start"] = ["required"];
        }
        else if (r.End is { } end && end <= r.Start)
        {
            errors["end"] = ["must be after start"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var shift = shifts.Create(r.OfficerId!, r.CounterId!, r.Start!.Value, r.End, "api");
        return TypedResults.Created($"/api/v1/shifts/{shift.Id}", shift);
    }

    private static Results<NoContent, ValidationProblem> End(long id, EndShiftRequest r, ShiftStore shifts, TimeProvider time)
    {
        var end = r.End ?? time.GetUtcNow();
        return shifts.End(id, end)
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"shift {id} is unknown, already ended, or starts after {end:O}"] });
    }
}
