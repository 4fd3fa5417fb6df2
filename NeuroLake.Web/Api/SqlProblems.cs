using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Web.Api;

/// <summary>RFC 7807 answers for SQL a user got wrong: <c>detail</c> is the engine's message, extensions say where.</summary>
internal static class SqlProblems
{
    public static IResult BadRequest(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: title, extensions: extensions);

    public static IResult From(NeuroLakeException error) => error switch
    {
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
