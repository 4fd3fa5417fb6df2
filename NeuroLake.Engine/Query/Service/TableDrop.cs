using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// DROP TABLE [IF EXISTS] t: removes the table from the catalog; a managed table's folder is deleted too, while an
/// external table's data stays where it is.
/// </summary>
internal sealed class TableDrop(CatalogStore catalog, ManagedTables tables, string catalogName)
{
    public async Task<StatementOutcome> DropAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var target = analysis.Classification.Target!;
        var name = target.ToSchemaTable(request.DefaultSchema);
        var tokens = new StatementTokens(analysis.Statement);
        var end = tokens.After(target.Span);
        var ifExists = tokens.Tokens.Take(end).Any(t => t.IsWord("EXISTS"));
        if (end < tokens.Count)
        {
            throw new QueryRefusedException($"Unexpected '{tokens[end].Text}' ({tokens[end].Span}). Write DROP TABLE [IF EXISTS] s.t.");
        }

        var info = await catalog.FindTableAsync(SecurablePath.ForTable(catalogName, name.Schema, name.Table), ct);
        if (info is null)
        {
            return ifExists ? StatementOutcome.Empty
                : throw new QueryRefusedException($"Table '{name}' does not exist in catalog '{catalogName}'. Use DROP TABLE IF EXISTS to accept a missing table.");
        }

        await tables.UnregisterAsync(info.Location, ct);
        if (tables.IsManaged(name, info.Location))
        {
            await tables.DeleteFilesAsync(info.Location, ct);
        }

        return StatementOutcome.Empty;
    }
}
