using NeuroLake.Web.Api;
using NeuroLake.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddNeuroLakeEngine();
builder.AddNeuroLakeCatalogPages();
builder.Services.AddNeuroLakeHealthChecks();
builder.Services.AddNeuroLakeWorkbench();
builder.Services.AddNeuroLakeIngestWizard();
builder.Services.AddNeuroLakeErrorPages();

var app = builder.Build();

app.UseNeuroLakeErrorPages();
app.MapNeuroLakeHealthChecks();
app.MapNeuroLakeWorkbench();
app.MapSqlApi();
app.MapIngestApi();
app.MapNeuroLakeIngestWizard();

app.Run();

/// <summary>The web app's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
