using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Feedback.Server.CsvImport;

namespace OneStop.Feedback.Server.Dossiers;

/// <summary>Service events from the one-stop software (JSON or CSV, all rows or none) and dossier completion.</summary>
public static class DossiersApi
{
    private static readonly string[] Columns = ["dossier", "procedure", "kind", "counter", "officer", "at", "due"];

    public static RouteGroupBuilder MapDossiers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Dossiers").RequireAuthorization(Access.AccessPolicies.Reader);
        group.MapPost("/service-events", PostJson).RequireAuthorization(Access.AccessPolicies.Admin).WithSummary("Import service events (JSON array, fields named like the CSV columns); all or none.");
        group.MapPost("/import/service-events", PostCsv).Accepts<string>("text/csv")
            .RequireAuthorization(Access.AccessPolicies.Admin).WithSummary("Import service events from CSV with header dossier,procedure,kind,counter,officer,at,due; all rows or none.");
        group.MapGet("/service-events", (ServiceEventStore s, string? counter, string? dossier, DateTimeOffset? from, DateTimeOffset? to, int limit = 1000) =>
            TypedResults.Ok(s.List(counter, dossier, from, to, Math.Clamp(limit, 1, 10_000)))).WithSummary("Service events in [from, to).");
        group.MapGet("/dossiers/{code}", Results<Ok<DossierView>, NotFound> (string code, ServiceEventStore s) =>
            s.Find(code) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound()).WithSummary("A dossier.");
        group.MapPost("/dossiers/{code}/completed", Complete).RequireAuthorization(Access.AccessPolicies.Admin).WithSummary("Mark a dossier completed at a time.");
        return group;
    }

    private static IResult PostJson(List<ServiceEventRow>? rows, ServiceEventValidator validator, ServiceEventStore store)
    {
        if (rows is null || rows.Count == 0)
        {
            return TypedResults.BadRequest(new ImportResponse(0, [new RowError(0, "body", "a non-empty JSON array of service events")]));
        }
        return Import(rows.Select((r, i) => (i + 1, r)).ToList(), validator, store);
    }

    private static async Task<IResult> PostCsv(HttpRequest request, ServiceEventValidator validator, ServiceEventStore store, CancellationToken ct)
    {
        var (table, error) = await CsvRequest.ReadAsync(request, Columns, ct);
        if (table is null)
        {
            return CsvRequest.Problem(error!);
        }
        var rows = table.Rows.Select(r =>
        {
            string? Get(string c) => CsvRequest.Get(table, r.Fields, c);
            return (r.Line, new ServiceEventRow(Get("dossier"), Get("procedure"), Get("kind"), Get("counter"), Get("officer"), Get("at"), Get("due")));
        }).ToList();
        return Import(rows, validator, store, CsvRequest.WrongWidth(table));
    }

    private static IResult Import(List<(int, ServiceEventRow)> rows, ServiceEventValidator validator, ServiceEventStore store, List<RowError>? shapeErrors = null)
    {
        var (valid, errors) = validator.Validate(rows);
        if (errors.Count > 0 || shapeErrors is { Count: > 0 })
        {
            return CsvRequest.Refused([.. shapeErrors ?? [], .. errors]);
        }
        store.Save(valid);
        return TypedResults.Ok(new ImportResponse(valid.Count, []));
    }

    private static Results<NoContent, NotFound<Terminals.ProblemDetailsBody>, ValidationProblem> Complete(string code, CompletionRequest r, ServiceEventStore store)
    {
        if (r.At is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["at"] = ["required"] });
        }
        return store.Complete(code, r.At.Value)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new Terminals.ProblemDetailsBody("Unknown dossier", $"No service event has received dossier '{code}' yet.", 404));
    }
}
