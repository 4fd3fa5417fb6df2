using System.Text.Json;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Web.Api;

/// <summary>The SQL API: run a script and get every statement's result as JSON.</summary>
public static class SqlEndpoints
{
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);

    /// <summary>Maps <c>POST /api/v1/sql</c>.</summary>
    public static IEndpointRouteBuilder MapSqlApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sql").WithTags("SQL");
        group.MapPost("", RunAsync)
            .WithName("RunSql")
            .WithSummary("Runs a SQL script; answers one result per statement, or 400 problem details naming the statement that failed.")
            .WithDescription("Body: {\"sql\": \"...\", \"maxRows\": n} as application/json (other content types answer 415).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> RunAsync(HttpRequest http, QueryService queries, IOptions<NeuroLakeOptions> options, CancellationToken ct)
    {
        // Only JSON: a cross-site HTML form cannot send it without a CORS preflight, so another page cannot run SQL here.
        if (!http.HasJsonContentType())
        {
            return Results.Problem(
                detail: "Send the request as JSON with the header Content-Type: application/json, e.g. {\"sql\": \"SELECT 42\"}.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "JSON required");
        }

        SqlRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<SqlRequest>(http.Body, RequestJson, ct);
        }
        catch (JsonException e)
        {
            return SqlProblems.BadRequest("The request body is not valid JSON", $"Send JSON like {{\"sql\": \"SELECT 42\", \"maxRows\": 1000}}. {e.Message}");
        }

        var limit = options.Value.RowLimit;
        if (string.IsNullOrWhiteSpace(body?.Sql))
        {
            return SqlProblems.BadRequest("No SQL", "The request needs \"sql\": the statements to run, e.g. {\"sql\": \"SELECT 42\"}.");
        }

        var maxRows = body.MaxRows ?? limit;
        if (maxRows < 1 || maxRows > limit)
        {
            return SqlProblems.BadRequest("maxRows out of range",
                $"\"maxRows\" must be between 1 and {limit} (the server's NeuroLake:RowLimit); it was {maxRows}. Omit it to get up to {limit} rows per result.");
        }

        try
        {
            var results = await queries.ExecuteAsync(body.Sql, new QueryRequest(options.Value.User, RowLimit: maxRows), ct);
            return new SqlResultsJson(results);
        }
        catch (NeuroLakeException e)
        {
            return SqlProblems.From(e);
        }
    }
}
