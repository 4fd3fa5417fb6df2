using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Operations;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// A row filter runs inside other users' queries, so it must be a condition on the table's own columns: no table
/// reads, no table functions or files, no subqueries, nothing the sandbox refuses, and of boolean type.
/// </summary>
internal static class RowFilterCheck
{
    /// <exception cref="QueryRefusedException">The predicate is not such a condition; says why.</exception>
    public static void Validate(string predicate, StructType schema, DuckDbDatabase duckDb, CancellationToken ct)
    {
        var statements = SqlScript.Parse($"SELECT 1 WHERE ({predicate})").Statements;
        if (statements.Count != 1)
        {
            throw Refused(predicate, "it holds more than one statement");
        }

        var analysis = StatementAnalysis.Of(statements[0]);
        if (analysis.Kind != StatementKind.Query || analysis.Reads.Count > 0 || analysis.ExternalReads.Count > 0
            || statements[0].Tokens.Skip(1).Any(t => t.IsWord("SELECT")))
        {
            throw Refused(predicate, "it reads tables, files or a subquery");
        }

        QuerySandbox.Check(analysis);
        try
        {
            using var connection = duckDb.Connect();
            ExpressionCheck.PredicateOverTable(connection, schema, predicate, "row filter");
        }
        catch (InvalidTableOperationException e)
        {
            throw new QueryRefusedException(e.Message);
        }

        ct.ThrowIfCancellationRequested();
    }

    private static QueryRefusedException Refused(string predicate, string why) => new(
        $"The row filter '{predicate}' is refused: {why}. Write a condition on the table's own columns, such as region = 'EU'.");
}
