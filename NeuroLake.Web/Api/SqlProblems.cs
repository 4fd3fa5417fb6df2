using System.Text.Json;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Web.Api;

/// <summary>RFC 7807 answers for SQL a user got wrong: <c>detail</c> is the engine's message, extensions say where.</summary>
internal static class SqlProblems
{
    public static IResult BadRequest(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: title, extensions: extensions);

    /// <summary>415: only JSON bodies, because a cross-site HTML form cannot send JSON without a CORS preflight.</summary>
    public static IResult JsonRequired() => Results.Problem(
        detail: "Send the request as JSON with the header Content-Type: application/json, e.g. {\"sql\": \"SELECT 42\"}.",
        statusCode: StatusCodes.Status415UnsupportedMediaType, title: "JSON required");

    public static IResult InvalidJson(JsonException error) =>
        BadRequest("The request body is not valid JSON", $"Send JSON like {{\"sql\": \"SELECT 42\", \"maxRows\": 1000}}. {error.Message}");

    public static IResult From(NeuroLakeException error) => error switch
    {
        QueryFailedException { InnerException: SqlSyntaxException syntax } failed => BadRequest("SQL syntax error", failed.Message, new Dictionary<string, object?>
        {
            ["statementIndex"] = failed.StatementIndex,
            ["line"] = syntax.Line,
            ["column"] = syntax.Column,
            ["reason"] = failed.Reason,
        }),
        QueryFailedException { InnerException: StatementTimeoutException } failed => BadRequest("Statement timed out", failed.Message, new Dictionary<string, object?>
        {
            ["statementIndex"] = failed.StatementIndex,
            ["line"] = failed.Line,
            ["reason"] = failed.Reason,
        }),
        QueryFailedException failed => BadRequest("Statement failed", failed.Message, new Dictionary<string, object?>
        {
            ["statementIndex"] = failed.StatementIndex,
            ["line"] = failed.Line,
            ["reason"] = failed.Reason,
        }),
        SqlSyntaxException syntax => BadRequest("SQL syntax error", syntax.Message, new Dictionary<string, object?>
        {
            ["line"] = syntax.Line,
            ["column"] = syntax.Column,
        }),
        _ => BadRequest("Query refused", error.Message),
    };
}
