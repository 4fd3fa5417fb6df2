using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables.Operations;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// ALTER TABLE: added columns, table properties and column comments, each one commit registered in the catalog. A column
/// comment also becomes the column's description in the catalog, where pages and search read it.
/// </summary>
internal sealed class TableAlter(ManagedTables tables, TableResolver resolver, DuckDbDatabase duckDb, CatalogStore catalog, string catalogName)
{
    public async Task<StatementOutcome> AlterAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var clauses = AlterTableClauses.Of(analysis);
        var name = analysis.Classification.Target!.ToSchemaTable(request.DefaultSchema);
        var table = await resolver.OpenAsync(name, request.User, ct);
        OperationResult result;
        (string Column, string? Comment)? commented = null;
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
            commented = (column, comment);
        }

        if (!result.Committed)
        {
            return StatementOutcome.Empty;
        }

        var snapshot = await table.GetSnapshotAsync(null, ct);
        await tables.RegisterAsync(name, snapshot, request.User, ct);
        if (commented is var (commentedColumn, text)
            && snapshot.Schema.Fields.FirstOrDefault(f => string.Equals(f.Name, commentedColumn, StringComparison.OrdinalIgnoreCase)) is { } field)
        {
            await catalog.SetDescriptionAsync(new SecurablePath(catalogName, name.Schema, name.Table, field.Name), text ?? "", ct);
        }

        return StatementOutcome.Empty with { TableWritten = new TableVersion(name.Schema, name.Table, result.Version) };
    }
}
