using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables.Operations;

namespace NeuroLake.Engine.Query.Service;

/// <summary>ALTER TABLE: added columns, table properties and column comments, each one commit registered in the catalog.</summary>
internal sealed class TableAlter(ManagedTables tables, TableResolver resolver, DuckDbDatabase duckDb)
{
    public async Task<StatementOutcome> AlterAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var clauses = AlterTableClauses.Of(analysis);
        var name = analysis.Classification.Target!.ToSchemaTable(request.DefaultSchema);
        var table = await resolver.OpenAsync(name, request.User, ct);
        OperationResult result;
        if (clauses.AddedColumns is { } columns)
        {
            result = await table.AddColumnsAsync(ColumnList.Parse(duckDb, columns).Fields, ct);
        }
        else if (clauses.Properties is { } properties)
        {
            result = await table.SetPropertiesAsync(properties, ct);
        }
        else
        {
            var (column, comment) = clauses.ColumnComment!.Value;
            result = await table.SetColumnCommentAsync(column, comment, ct);
        }

        if (!result.Committed)
        {
            return StatementOutcome.Empty;
        }

        await tables.RegisterAsync(name, await table.GetSnapshotAsync(null, ct), request.User, ct);
        return StatementOutcome.Empty with { TableWritten = new TableVersion(name.Schema, name.Table, result.Version) };
    }
}
