using NeuroLake.Web.Api;
using NeuroLake.Web.Cli;
using NeuroLake.Web.Extensions;

// `backup`, `verify`, `restore` ... run an operator command on the app's configuration instead of the web app.
if (await OperatorCli.TryRunAsync(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);

// `dotnet run` is Production unless told otherwise; the framework maps build-output assets (scoped CSS) only in
// Development, so map them in every environment (a published app has no such manifest and is unaffected).
builder.WebHost.UseStaticWebAssets();

builder.AddNeuroLakeEngine();
builder.AddNeuroLakeIdentity();
builder.AddNeuroLakeCatalogPages();
builder.Services.AddNeuroLakeHealthChecks();
builder.Services.AddNeuroLakeWorkbench();
builder.Services.AddNeuroLakeIngestWizard();
builder.Services.AddNeuroLakeErrorPages();
builder.Services.AddNeuroLakeSecurity();
builder.Services.AddNeuroLakeAuditPages();
builder.Services.AddNeuroLakeRuntimeSettings();
builder.AddNeuroLakeTelemetry();
builder.Services.AddNeuroLakeOpenApi();
builder.Services.AddNeuroLakeNotifications();
builder.Services.AddUnityCatalogApi();
builder.Services.AddTableOperations();
builder.Services.AddSqlApi();

var app = builder.Build();

app.UseNeuroLakeErrorPages();
// Before the security middleware: antiforgery tokens are bound to the user, and rate limits are per user.
app.UseAuthentication();
app.UseNeuroLakeSecurity();
app.MapNeuroLakeHealthChecks();
app.UseNeuroLakeIdentity();
app.MapNeuroLakeWorkbench();
app.MapSqlApi();
app.MapIngestApi();
app.MapNeuroLakeIngestWizard();
app.MapNeuroLakeAudit();
app.MapNeuroLakeJobsDashboard();
app.MapJobsApi();
app.MapPipelinesApi();
app.MapLineageApi();
app.MapQualityApi();
app.MapCostApi();
app.MapNeuroLakeAdminApi();
app.MapUnityCatalogApi();
app.MapCatalogApi();
app.MapTablesApi();
app.MapOperationsApi();
app.MapBackupsApi();
app.MapTieringApi();
app.MapStorageApi();
app.MapNeuroLakeMetrics();
app.MapNeuroLakeOpenApi();
app.MapNeuroLakeNotifications();

app.Run();
return 0;

/// <summary>The web app's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
