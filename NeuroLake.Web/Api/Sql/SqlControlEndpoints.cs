using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api.Sql;

/// <summary>
/// <c>/api/v1/sql</c> beyond running a script: explain one query, cancel a running script by the id it was sent with,
/// and search the caller's statement history (administrators anyone's).
/// </summary>
public static class SqlControlEndpoints
{
    private const int MaxHistory = 500;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/explain", ExplainAsync)
            .WithName("ExplainSql")
            .WithSummary("Explains one query ({\"sql\": \"SELECT ...\", \"analyze\": false}): DuckDB's physical plan as text; with analyze, runs it and adds actual rows and times.")
            .Produces<ExplainJson>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/{id}/cancel", CancelAsync)
            .WithName("CancelSql")
            .WithSummary("Cancels the running script that was sent with this \"id\" (yours; administrators any): 202, or 404 when none is running under it.")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/history", HistoryAsync)
            .WithName("SqlHistory")
            .WithSummary("The caller's statements newest first (?q= text, ?status=Ok|Error|Cancelled, ?take= up to 500); administrators may ask for ?user=.")
            .Produces<List<StatementHistoryJson>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ExplainAsync(HttpRequest http, QueryService queries, IWorkbenchUser user, CancellationToken ct)
    {
        var (body, problem) = await SqlRequestReader.ReadAsync(http, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(body?.Sql))
        {
            return SqlProblems.BadRequest("No SQL", "The request needs \"sql\": the query to explain, e.g. {\"sql\": \"SELECT * FROM sales.orders\"}.");
        }

        try
        {
            // One statement only: "EXPLAIN " before a script would explain its first statement and run the rest.
            var statements = SqlScript.Parse(body.Sql).Statements;
            if (statements.Count != 1)
            {
                return SqlProblems.BadRequest("One query", $"/explain takes exactly one query; this text holds {statements.Count} statements. Send them one at a time.");
            }
            var results = await queries.ExecuteAsync((body.Analyze ? "EXPLAIN ANALYZE " : "EXPLAIN ") + statements[0].Text, new QueryRequest(user.Name), ct);
            var plan = string.Join('\n', results[0].Rows.Select(r => string.Join('\n', r.Skip(1).Select(v => v?.ToString()))));
            return Results.Ok(new ExplainJson(plan, body.Analyze));
        }
        catch (NeuroLakeException e)
        {
            return SqlProblems.From(e);
        }
    }

    private static async Task<IResult> CancelAsync(string id, RunningScripts running, IWorkbenchUser user, PrivilegeEvaluator privileges, CancellationToken ct) =>
        running.Cancel(id, user.Name, await privileges.IsAdminAsync(user.Name, ct))
            ? Results.Accepted()
            : Results.Problem(title: "Nothing to cancel", detail: $"No script of yours is running under id '{id}': it finished, or was sent without \"id\".",
                statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> HistoryAsync(
        string? q, string? status, string? user, int? take, QueryHistoryStore history, IWorkbenchUser caller, PrivilegeEvaluator privileges, CancellationToken ct)
    {
        var limit = take ?? 100;
        if (limit is < 1 or > MaxHistory)
        {
            return SqlProblems.BadRequest("take out of range", $"take must be between 1 and {MaxHistory}; it was {limit}.");
        }
        QueryStatus? state = null;
        if (status is not null)
        {
            if (!Enum.TryParse<QueryStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return SqlProblems.BadRequest("Unknown status", $"'{status}' is not a statement status: use one of {string.Join(", ", Enum.GetNames<QueryStatus>())}.");
            }
            state = parsed;
        }
        var whose = string.IsNullOrWhiteSpace(user) ? caller.Name : user.Trim();
        if (!string.Equals(whose, caller.Name, StringComparison.OrdinalIgnoreCase) && !await privileges.IsAdminAsync(caller.Name, ct))
        {
            return Results.Problem(title: "Permission denied", detail: "Only administrators may read another user's statements; omit ?user= for your own.",
                statusCode: StatusCodes.Status403Forbidden);
        }
        var entries = await history.SearchAsync(new QueryHistorySearch(whose, string.IsNullOrWhiteSpace(q) ? null : q, state, limit), ct);
        return Results.Ok(entries.Select(StatementHistoryJson.From).ToList());
    }
}

/// <summary>A query plan as DuckDB prints it.</summary>
public sealed record ExplainJson(string Plan, bool Analyzed);

/// <summary>One statement of the history: who ran what, when, how it ended and the table versions it read and wrote.</summary>
public sealed record StatementHistoryJson(
    Guid Id, string User, string Sql, DateTimeOffset StartedAt, double DurationMs, long? Rows, string Status, string? Error,
    IReadOnlyList<string> TablesRead, IReadOnlyList<string> TablesWritten)
{
    public static StatementHistoryJson From(QueryHistoryEntry e) => new(
        e.Id, e.User, e.Sql, e.StartedAt, e.Duration.TotalMilliseconds, e.Rows, e.Status.ToString(), e.Error,
        e.TablesRead.Select(t => $"{t.Schema}.{t.Table}@v{t.Version}").ToList(), e.TablesWritten.Select(t => $"{t.Schema}.{t.Table}@v{t.Version}").ToList());
}
