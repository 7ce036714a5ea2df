using OneStop.Feedback.Server.CsvImport;

namespace OneStop.Feedback.Server.Organisation;

/// <summary>Units, counters and officers: JSON create/update/list and CSV bulk import (all or nothing).</summary>
public static class OrganisationApi
{
    public static RouteGroupBuilder MapOrganisation(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Organisation").RequireAuthorization(Access.AccessPolicies.Reader);
        group.MapGet("/units", (OrganisationStore s) => TypedResults.Ok(s.Units())).WithSummary("The organisation tree with validity dates.");
        group.MapPost("/units", (UnitRequest r, OrganisationStore s, OrganisationValidator v) => Save(r.Id, s.UnitExists, () => v.Units([(1, r)]), u => s.Save(units: u), "units"))
            .RequireAuthorization(Access.AccessPolicies.Admin).WithSummary("Create a unit.");
        group.MapPut("/units/{id}", (string id, UnitRequest r, OrganisationStore s, OrganisationValidator v) => Save(null, null, () => v.Units([(1, r with { Id = id })]), u => s.Save(units: u), "units"))
            .RequireAuthorization(Access.AccessPolicies.Admin).WithSummary("Create or replace a unit.");
        group.MapGet("/counters", (OrganisationStore s) => TypedResults.Ok(s.Counters())).WithSummary("Counters with their unit.");
        group.MapPost("/counters", (CounterRequest r, OrganisationStore s, OrganisationValidator v) => Save(r.Id, s.CounterExists, () => v.Counters([(1, r)]), k => s.Save(counters: k), "counters"))
            .RequireAuthorization(Access.AccessPolicies.Admin).WithSummary("Create a counter.");
        group.MapPut("/counters/{id}", (string id, CounterRequest r, OrganisationStore s, OrganisationValidator v) => Save(null, null, () => v.Counters([(1, r with { Id = id })]), k => s.Save(counters: k), "counters"))
            .RequireAuthorization(Access.AccessPolicies.Admin).WithSummary("Create or replace a counter.");
        group.MapGet("/officers", (OrganisationStore s) => TypedResults.Ok(s.Officers())).WithSummary("Officers with their unit and badge.");
        group.MapPost("/officers", (OfficerRequest r, OrganisationStore s, OrganisationValidator v) => Save(r.Id, s.OfficerExists, () => v.Officers([(1, r)]), o => s.Save(officers: o), "officers"))
            .RequireAuthorization(Access.AccessPolicies.Admin).WithSummary("Create an officer.");
        group.MapPut("/officers/{id}", (string id, OfficerRequest r, OrganisationStore s, OrganisationValidator v) => Save(null, null, () => v.Officers([(1, r with { Id = id })]), o => s.Save(officers: o), "officers"))
            .RequireAuthorization(Access.AccessPolicies.Admin).WithSummary("Create or replace an officer.");
        group.MapPost("/import/units", ImportUnits).Accepts<string>("text/csv").RequireAuthorization(Access.AccessPolicies.Admin).WithSummary("CSV id,name,parent,validFrom,validTo,requireServiceEvent; all rows or none.");
        group.MapPost("/import/counters", ImportCounters).Accepts<string>("text/csv").RequireAuthorization(Access.AccessPolicies.Admin).WithSummary("CSV id,unit,name; all rows or none.");
        group.MapPost("/import/officers", ImportOfficers).Accepts<string>("text/csv").RequireAuthorization(Access.AccessPolicies.Admin).WithSummary("CSV id,name,unit,badge; all rows or none.");
        return group;
    }

    private static IResult Save<T>(string? createId, Func<string, bool>? exists, Func<(List<T> Valid, List<RowError> Errors)> validate, Action<List<T>> write, string collection)
        where T : class
    {
        var (valid, errors) = validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
        if (createId is not null && exists!(createId))
        {
            return TypedResults.Conflict(new Terminals.ProblemDetailsBody("Exists", $"'{createId}' already exists; use PUT to replace it.", 409));
        }
        write(valid);
        return createId is null ? TypedResults.Ok(valid[0]) : TypedResults.Created($"/api/v1/{collection}/{createId}", valid[0]);
    }

    private static async Task<IResult> ImportUnits(HttpRequest request, OrganisationStore store, OrganisationValidator validator, CancellationToken ct)
    {
        var (table, error) = await CsvRequest.ReadAsync(request, ["id", "name", "parent", "validfrom"], ct);
        if (table is null)
        {
            return CsvRequest.Problem(error!);
        }
        var parseErrors = CsvRequest.WrongWidth(table);
        var rows = table.Rows.Select(r =>
        {
            DateTimeOffset? Time(string column)
            {
                var text = CsvRequest.Get(table, r.Fields, column);
                if (text is null)
                {
                    return null;
                }
                if (TimeText.TryParse(text, out var t))
                {
                    return t;
                }
                parseErrors.Add(new RowError(r.Line, column, $"'{FreeText.Show(text)}' is not a date/time ({TimeText.Expected})"));
                return null;
            }
            var require = CsvRequest.Get(table, r.Fields, "requireserviceevent");
            bool? required = require?.ToLowerInvariant() switch
            {
                null => null,
                "1" or "true" or "yes" => true,
                "0" or "false" or "no" => false,
                _ => null,
            };
            if (require is not null && required is null)
            {
                parseErrors.Add(new RowError(r.Line, "requireServiceEvent", $"'{FreeText.Show(require)}' is not one of true/false, yes/no, 1/0"));
            }
            return (r.Line, new UnitRequest(CsvRequest.Get(table, r.Fields, "id"), CsvRequest.Get(table, r.Fields, "name"), CsvRequest.Get(table, r.Fields, "parent"),
                Time("validfrom"), Time("validto"), required));
        }).ToList();
        var (valid, errors) = validator.Units(rows);
        return Finish(parseErrors.Concat(errors).ToList(), valid.Count, () => store.Save(units: valid));
    }

    private static async Task<IResult> ImportCounters(HttpRequest request, OrganisationStore store, OrganisationValidator validator, CancellationToken ct)
    {
        var (table, error) = await CsvRequest.ReadAsync(request, ["id", "unit", "name"], ct);
        if (table is null)
        {
            return CsvRequest.Problem(error!);
        }
        var rows = table.Rows.Select(r => (r.Line, new CounterRequest(CsvRequest.Get(table, r.Fields, "id"), CsvRequest.Get(table, r.Fields, "unit"), CsvRequest.Get(table, r.Fields, "name")))).ToList();
        var (valid, errors) = validator.Counters(rows);
        return Finish([.. CsvRequest.WrongWidth(table), .. errors], valid.Count, () => store.Save(counters: valid));
    }

    private static async Task<IResult> ImportOfficers(HttpRequest request, OrganisationStore store, OrganisationValidator validator, CancellationToken ct)
    {
        var (table, error) = await CsvRequest.ReadAsync(request, ["id", "name", "unit"], ct);
        if (table is null)
        {
            return CsvRequest.Problem(error!);
        }
        var rows = table.Rows.Select(r => (r.Line, new OfficerRequest(CsvRequest.Get(table, r.Fields, "id"), CsvRequest.Get(table, r.Fields, "name"),
            CsvRequest.Get(table, r.Fields, "unit"), CsvRequest.Get(table, r.Fields, "badge")))).ToList();
        var (valid, errors) = validator.Officers(rows);
        return Finish([.. CsvRequest.WrongWidth(table), .. errors], valid.Count, () => store.Save(officers: valid));
    }

    private static IResult Finish(List<RowError> errors, int count, Action write)
    {
        if (errors.Count > 0)
        {
            return CsvRequest.Refused(errors);
        }
        write();
        return TypedResults.Ok(new ImportResponse(count, []));
    }
}
