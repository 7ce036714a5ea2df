using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Dashboard.Pages;
using OneStop.Feedback.Dashboard.Reports;
using OneStop.Feedback.Evaluation.Attribution;
using OneStop.Feedback.Evaluation.Evaluation;
using OneStop.Feedback.Server.Alerts;
using OneStop.Feedback.Server.CsvImport;
using OneStop.Feedback.Server.Mqtt;
using OneStop.Feedback.Server.Organisation;
using OneStop.Feedback.Server.Protocol;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Terminals;

namespace OneStop.Feedback.Server.Access;

/// <summary>
/// The admin pages for the organisation (units, counters, officers), the terminals (provision, rotate a secret,
/// assign to a counter) and the read-only evaluation settings. Forms carry antiforgery tokens; every change is audited.
/// </summary>
public static class AdminPages
{
    public static void MapAdminPages(this IEndpointRouteBuilder app)
    {
        var organisation = app.MapGroup("/admin/organisation").WithTags("Dashboard pages").RequireAuthorization(AccessPolicies.Admin).RequireAntiforgeryToken().ExcludeFromDescription();
        organisation.MapGet("/", (HttpContext context, OrganisationStore store, MonthlyReports reports) => OrganisationPage(context, store, reports, null));
        organisation.MapPost("/units", SaveUnit);
        organisation.MapPost("/counters", SaveCounter);
        organisation.MapPost("/officers", SaveOfficer);

        var terminals = app.MapGroup("/admin/terminals").WithTags("Dashboard pages").RequireAuthorization(AccessPolicies.Admin).RequireAntiforgeryToken().ExcludeFromDescription();
        terminals.MapGet("/", (HttpContext context, TerminalRegistry registry, OrganisationStore store, MonthlyReports reports) => TerminalsPage(context, registry, store, reports, null, null));
        terminals.MapPost("/", Provision);
        terminals.MapPost("/{id}/secret", Rotate);
        terminals.MapPost("/{id}/counter", Assign);

        app.MapGroup("/admin/settings").WithTags("Dashboard pages").RequireAuthorization(AccessPolicies.Admin).ExcludeFromDescription().MapGet("/", Settings);
    }

    private static IResult SaveUnit(
        [FromForm] string? id, [FromForm] string? name, [FromForm] string? parentId, [FromForm] string? validFrom, [FromForm] string? validTo, [FromForm] string? requireServiceEvent,
        HttpContext context, OrganisationStore store, OrganisationValidator validator, Database database, TimeProvider time, MonthlyReports reports)
    {
        var problems = new List<string>();
        var from = ParseTime(validFrom, "validFrom", problems);
        var to = ParseTime(validTo, "validTo", problems);
        var (valid, errors) = validator.Units([(1, new UnitRequest(Blank(id), name, Blank(parentId), from, to, requireServiceEvent is not null))]);
        return Finish(context, problems, errors, valid, v => store.Save(units: v), "unit.saved", u => $"unit:{u.Id}", u => u.Name, database, time, store, reports);
    }

    private static IResult SaveCounter(
        [FromForm] string? id, [FromForm] string? unitId, [FromForm] string? name,
        HttpContext context, OrganisationStore store, OrganisationValidator validator, Database database, TimeProvider time, MonthlyReports reports)
    {
        var (valid, errors) = validator.Counters([(1, new CounterRequest(Blank(id), Blank(unitId), name))]);
        return Finish(context, [], errors, valid, v => store.Save(counters: v), "counter.saved", c => $"counter:{c.Id}", c => $"{c.Name} @ {c.UnitId}", database, time, store, reports);
    }

    private static IResult SaveOfficer(
        [FromForm] string? id, [FromForm] string? name, [FromForm] string? unitId, [FromForm] string? badgeUid,
        HttpContext context, OrganisationStore store, OrganisationValidator validator, Database database, TimeProvider time, MonthlyReports reports)
    {
        var (valid, errors) = validator.Officers([(1, new OfficerRequest(Blank(id), name, Blank(unitId), Blank(badgeUid)))]);
        return Finish(context, [], errors, valid, v => store.Save(officers: v), "officer.saved", o => $"officer:{o.Id}", o => $"{o.Name} @ {o.UnitId}", database, time, store, reports);
    }

    private static IResult Finish<T>(
        HttpContext context, List<string> problems, List<RowError> errors, List<T> valid, Action<List<T>> write, string action, Func<T, string> subject, Func<T, string> detail,
        Database database, TimeProvider time, OrganisationStore store, MonthlyReports reports)
    {
        problems.AddRange(errors.Select(e => $"{e.Field}: {e.Message}."));
        if (problems.Count > 0 || valid.Count != 1)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return OrganisationPage(context, store, reports, string.Join(" ", problems.Distinct()));
        }
        write(valid);
        Audit(database, time, context, action, subject(valid[0]), detail(valid[0]));
        return TypedResults.LocalRedirect("/admin/organisation");
    }

    private static RazorComponentResult<TerminalsPage> Provision(
        [FromForm] string? id, [FromForm] string? counterId, [FromForm] string? name,
        HttpContext context, TerminalRegistry registry, OrganisationStore store, Database database, TimeProvider time, MonthlyReports reports)
    {
        var terminalId = Blank(id);
        var counter = Blank(counterId);
        string? problem = null;
        if (terminalId is null || !TerminalId.IsValid(terminalId))
        {
            problem = "id: must be 1-64 characters of A-Z, a-z, 0-9, '_' and '-'.";
        }
        else if (counter is not null && !store.CounterExists(counter))
        {
            problem = $"counterId: counter '{counter}' does not exist.";
        }
        else if (name is { Length: > 200 })
        {
            problem = "name: must be at most 200 characters.";
        }
        var credentials = problem is null ? registry.Create(terminalId!, counter, Blank(name) ?? terminalId!) : null;
        if (problem is null && credentials is null)
        {
            problem = $"id: a terminal '{terminalId}' already exists; rotate its secret instead.";
        }
        if (problem is not null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return TerminalsPage(context, registry, store, reports, problem, null);
        }
        Audit(database, time, context, "terminal.created", $"terminal:{terminalId}", counter);
        return TerminalsPage(context, registry, store, reports, null, new IssuedSecret(credentials!.Id, credentials.Secret, false));
    }

    private static async Task<IResult> Rotate(
        string id, HttpContext context, TerminalRegistry registry, OrganisationStore store, IBrokerControl broker, Database database, TimeProvider time, MonthlyReports reports)
    {
        if (registry.RotateSecret(id) is not { } credentials)
        {
            return TypedResults.NotFound();
        }
        Audit(database, time, context, "terminal.secret_rotated", $"terminal:{id}", null);
        // The old secret no longer verifies; the open session (if any) is dropped so the terminal must reconnect.
        await broker.DisconnectTerminalAsync(id, context.RequestAborted);
        return TerminalsPage(context, registry, store, reports, null, new IssuedSecret(credentials.Id, credentials.Secret, true));
    }

    private static IResult Assign(
        string id, [FromForm] string? counterId, HttpContext context, TerminalRegistry registry, OrganisationStore store, Database database, TimeProvider time, MonthlyReports reports)
    {
        var counter = Blank(counterId);
        if (counter is null || !store.CounterExists(counter))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return TerminalsPage(context, registry, store, reports, $"counterId: counter '{counter}' does not exist.", null);
        }
        if (!registry.Assign(id, counter, time.GetUtcNow()))
        {
            return TypedResults.NotFound();
        }
        Audit(database, time, context, "terminal.assigned", $"terminal:{id}", counter);
        return TypedResults.LocalRedirect("/admin/terminals");
    }

    private static RazorComponentResult<OrganisationPage> OrganisationPage(HttpContext context, OrganisationStore store, MonthlyReports reports, string? error)
    {
        var units = store.Units();
        var rows = new List<UnitAdminRow>();
        var children = units.ToLookup(u => u.ParentId ?? "");
        var ids = units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        void Walk(string parent, int depth)
        {
            foreach (var u in children[parent].OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Id, StringComparer.Ordinal))
            {
                rows.Add(new UnitAdminRow(u.Id, u.Name, u.ParentId, depth, u.ValidFrom, u.ValidTo, u.RequireServiceEvent));
                Walk(u.Id, depth + 1);
            }
        }
        Walk("", 0);
        // A unit whose parent is unknown still shows, as a root.
        foreach (var orphan in units.Where(u => u.ParentId is not null && !ids.Contains(u.ParentId) && rows.All(r => r.Id != u.Id)))
        {
            rows.Add(new UnitAdminRow(orphan.Id, orphan.Name, orphan.ParentId, 0, orphan.ValidFrom, orphan.ValidTo, orphan.RequireServiceEvent));
            Walk(orphan.Id, 1);
        }
        var counters = store.Counters().Select(c => new CounterAdminRow(c.Id, c.UnitId, c.Name)).ToList();
        var officers = store.Officers().Select(o => new OfficerAdminRow(o.Id, o.Name, o.UnitId, o.BadgeUid)).ToList();
        return new RazorComponentResult<OrganisationPage>(new { Text = PageLanguage.Resolve(context), Month = reports.Current, Units = rows, Counters = counters, Officers = officers, Error = error })
        {
            StatusCode = context.Response.StatusCode,
        };
    }

    private static RazorComponentResult<TerminalsPage> TerminalsPage(HttpContext context, TerminalRegistry registry, OrganisationStore store, MonthlyReports reports, string? error, IssuedSecret? issued)
    {
        if (issued is not null)
        {
            context.Response.Headers.CacheControl = "no-store";
        }
        var rows = registry.List().Select(t => new TerminalAdminRow(t.Id, t.Name, t.CounterId, t.Online, t.LastSeenAt, t.Status, t.StatusAt, t.StatusDetail, t.SecretRotatedAt)).ToList();
        var counters = store.Counters().Select(c => new CounterAdminRow(c.Id, c.UnitId, c.Name)).ToList();
        return new RazorComponentResult<TerminalsPage>(new { Text = PageLanguage.Resolve(context), Month = reports.Current, Terminals = rows, Counters = counters, Error = error, Issued = issued })
        {
            StatusCode = context.Response.StatusCode,
        };
    }

    private static RazorComponentResult<SettingsPage> Settings(
        HttpContext context, IOptions<EvaluationOptions> evaluation, IOptions<AttributionOptions> attribution, IOptions<AlertsOptions> alerts, MonthlyReports reports)
    {
        static string N(double value) => value.ToString(CultureInfo.InvariantCulture);
        var e = evaluation.Value;
        var evaluationRows = new List<SettingRow>
        {
            new("Evaluation:PriorWeight", N(e.PriorWeight)),
            new("Evaluation:MinRatings", N(e.MinRatings)),
            new("Evaluation:TierAMinimum", N(e.TierAMinimum)),
            new("Evaluation:TierBMinimum", N(e.TierBMinimum)),
            new("Evaluation:TierCMinimum", N(e.TierCMinimum)),
            new("Evaluation:WilsonZ", N(e.WilsonZ)),
            new("Evaluation:SatisfiedShareWeight", N(e.SatisfiedShareWeight)),
            new("Evaluation:OnTimeShareWeight", N(e.OnTimeShareWeight)),
            new("Evaluation:ResponseRateWeight", N(e.ResponseRateWeight)),
        };
        evaluationRows.AddRange(e.TierLabels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new SettingRow($"Evaluation:TierLabels:{l.Key}", l.Value)));
        evaluationRows.Add(new("Evaluation:InsufficientDataLabel", e.InsufficientDataLabel));
        var a = attribution.Value;
        var attributionRows = new List<SettingRow>
        {
            new("Attribution:MinIntervalSeconds", N(a.MinIntervalSeconds)),
            new("Attribution:WindowMinutes", N(a.WindowMinutes)),
        };
        var al = alerts.Value;
        var alertRows = new List<SettingRow>
        {
            new("Alerts:WindowMinutes", N(al.WindowMinutes)),
            new("Alerts:MinRatings", N(al.MinRatings)),
            new("Alerts:LowShare", N(al.LowShare)),
            new("Alerts:LowestLevels", N(al.LowestLevels)),
        };
        foreach (var (unit, rule) in al.Units.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            alertRows.Add(new($"Alerts:Units:{unit}:WindowMinutes", N(rule.WindowMinutes)));
            alertRows.Add(new($"Alerts:Units:{unit}:MinRatings", N(rule.MinRatings)));
            alertRows.Add(new($"Alerts:Units:{unit}:LowShare", N(rule.LowShare)));
            alertRows.Add(new($"Alerts:Units:{unit}:LowestLevels", N(rule.LowestLevels)));
        }
        return new RazorComponentResult<SettingsPage>(new
        {
            Text = PageLanguage.Resolve(context),
            Month = reports.Current,
            Evaluation = evaluationRows,
            Attribution = attributionRows,
            Alerts = alertRows,
        });
    }

    private static DateTimeOffset? ParseTime(string? text, string field, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (TimeText.TryParse(text.Trim(), out var time))
        {
            return time;
        }
        problems.Add($"{field}: '{text.Trim()}' is not a date/time (e.g. 2025-07-01).");
        return null;
    }

    private static void Audit(Database database, TimeProvider time, HttpContext context, string action, string subject, string? detail)
    {
        using var connection = database.Open();
        AuditLog.Write(connection, time.GetUtcNow().ToUnixTimeMilliseconds(), UsersApi.Actor(context.User), action, subject, detail);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
