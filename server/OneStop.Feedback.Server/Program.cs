using OneStop.Feedback.Dashboard;
using OneStop.Feedback.Dashboard.Dossiers;
using OneStop.Feedback.Server.Access;
using OneStop.Feedback.Server.Alerts;
using OneStop.Feedback.Server.Demo;
using OneStop.Feedback.Server.Dossiers;
using OneStop.Feedback.Server.Evaluations;
using OneStop.Feedback.Server.Health;
using OneStop.Feedback.Server.Ingest;
using OneStop.Feedback.Server.Live;
using OneStop.Feedback.Server.Mqtt;
using OneStop.Feedback.Server.Mqtt.Mosquitto;
using OneStop.Feedback.Server.Organisation;
using OneStop.Feedback.Server.Ratings;
using OneStop.Feedback.Server.Shifts;
using OneStop.Feedback.Server.Storage;
using OneStop.Feedback.Server.Terminals;
using OneStop.Feedback.Server.TimeSeries;

// OneStop.Feedback server: MQTT broker (embedded, or an external Mosquitto) + ingest + SQLite (+ optional InfluxDB) + JSON API.
if (MosquittoConfigVerb.TryRun(args, out var exitCode))
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(DemoExtensions.StripDemoFlag(args, out var demo));
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

builder.AddStorage();
builder.AddApiAccess();
builder.AddTerminals();
builder.AddReferenceData();
builder.AddEvaluations();
builder.AddTimeSeries();
builder.AddAlerts();
builder.AddLive();
builder.AddIngest();
builder.AddMqttBroker();
builder.AddDemo(demo);
builder.AddDashboard(services => services.GetRequiredService<EvaluationQueries>().Report, services => services.GetRequiredService<EvaluationQueries>().OfficerMonths);
builder.Services.AddSingleton<IApologyLetters, ApologyLetterStore>(); // the dashboard's late-dossier letters, on the store

var app = builder.Build();
app.InitializeStorage();
app.SeedDemoOffice();
app.UseSecurityHeaders();
// A bad request (malformed form, missing antiforgery token) stays a 400 also where binding throws (Development).
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError });
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapOpenApi();
app.MapHealth();
app.MapLogin();
app.MapUsers();
app.MapUserPages();
app.MapAdminPages();
app.MapTerminals();
app.MapRatings();
app.MapOrganisation();
app.MapShifts();
app.MapDossiers();
app.MapEvaluations();
app.MapTimeSeries();
app.MapAppealPages();
app.MapAlerts();
app.MapLive();
app.MapDashboard();

app.Run();
return 0;
