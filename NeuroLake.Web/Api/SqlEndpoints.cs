using NeuroLake.Engine.Settings;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Web.Api.Sql;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api;

/// <summary>The SQL API: run a script and get every statement's result as JSON.</summary>
public static class SqlEndpoints
{
    /// <summary>Maps <c>POST /api/v1/sql</c> and the export endpoints under <c>/api/v1/sql/export</c>.</summary>
    /// <summary>The running-script registry <c>POST /api/v1/sql/{id}/cancel</c> reads.</summary>
    public static IServiceCollection AddSqlApi(this IServiceCollection services) => services.AddSingleton<RunningScripts>();

    public static IEndpointRouteBuilder MapSqlApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sql").WithTags("SQL");
        group.MapPost("", RunAsync)
            .WithName("RunSql")
            .WithSummary("Runs a SQL script; answers one result per statement, or 400 problem details naming the statement that failed.")
            .WithDescription("Body: {\"sql\": \"...\", \"maxRows\": n} as application/json (other content types answer 415).")
            .Produces<SqlResultsDocument>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        SqlExportEndpoint.Map(group);
        SqlControlEndpoints.Map(group);
        return app;
    }

    private static async Task<IResult> RunAsync(
        HttpRequest http, QueryService queries, IWorkbenchUser user, SettingsStore settings, RunningScripts running, CancellationToken ct)
    {
        var (body, problem) = await SqlRequestReader.ReadAsync(http, ct);
        if (problem is not null)
        {
            return problem;
        }

        var limit = settings.Current.RowLimit;
        if (string.IsNullOrWhiteSpace(body?.Sql))
        {
            return SqlProblems.BadRequest("No SQL", "The request needs \"sql\": the statements to run, e.g. {\"sql\": \"SELECT 42\"}.");
        }

        var maxRows = body.MaxRows ?? limit;
        if (maxRows < 1 || maxRows > limit)
        {
            return SqlProblems.BadRequest("maxRows out of range",
                $"\"maxRows\" must be between 1 and {limit} (the server's row limit); it was {maxRows}. Omit it to get up to {limit} rows per result.");
        }

        if (body.Id is { } id && RunningScripts.Invalid(id) is { } invalid)
        {
            return SqlProblems.BadRequest("Invalid id", invalid);
        }
        using var registration = body.Id is null ? null : running.Start(body.Id, user.Name, ct);
        if (body.Id is not null && registration is null)
        {
            return Results.Problem(title: "Id in use", detail: $"A script with id '{body.Id}' is running: choose another id.", statusCode: StatusCodes.Status409Conflict);
        }

        try
        {
            var results = await queries.ExecuteAsync(body.Sql, new QueryRequest(user.Name, RowLimit: maxRows), registration?.Token ?? ct);
            return new SqlResultsJson(results);
        }
        catch (OperationCanceledException) when (registration is not null && !ct.IsCancellationRequested)
        {
            return Results.Problem(title: "Cancelled",
                detail: $"The script '{body.Id}' was cancelled: statements before the cancelled one are committed, the cancelled one committed nothing.",
                statusCode: StatusCodes.Status409Conflict);
        }
        catch (NeuroLakeException e)
        {
            return SqlProblems.From(e);
        }
    }
}
