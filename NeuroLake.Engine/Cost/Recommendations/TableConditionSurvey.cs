using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Advisor;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables.Operations;

namespace NeuroLake.Engine.Cost.Recommendations;

/// <summary>
/// Measures a table's <see cref="TableCondition"/> with the table layer's own operations: VACUUM's dry run (nothing is
/// deleted), OPTIMIZE's bin-packing over the latest snapshot's files, and the query advisor's Z-order rule.
/// </summary>
internal sealed class TableConditionSurvey(CatalogStore catalog, DuckDbDatabase duckDb, ZOrderSuggestion? zOrder, QueryAdvisorOptions advisor, Storage.ObjectStoreFactory? stores = null)
{
    public async Task<TableCondition> MeasureAsync(SecurablePath name, string location, DateTimeOffset registeredAt, CancellationToken ct)
    {
        var table = await TableFolder.OpenAsync(location, duckDb, stores, ct);
        var snapshot = await table.GetSnapshotAsync(null, ct);
        var objects = await table.Store.ListAsync("", null, ct);
        var diskBytes = objects.Where(o => !VacuumCommand.IsHidden(o.Key)).Sum(o => o.Size);
        var vacuum = await table.VacuumAsync(new VacuumOptions { DryRun = true }, ct);

        var target = table.Options.TargetFileSizeBytes;
        var bins = snapshot.Files.GroupBy(f => OptimizeCommand.PartitionKey(snapshot, f))
            .SelectMany(p => OptimizeCommand.PackBins(p.ToList(), target, target)).ToList();

        IReadOnlyList<(string, int)> columns = [];
        if (zOrder is not null && await catalog.FindTableAsync(name, ct) is { } info)
        {
            columns = await zOrder.TableCandidatesAsync(new SchemaTableName(name.Schema!, name.Table!), info, snapshot, advisor, ct);
        }

        return new TableCondition(
            name.ToString(), registeredAt, diskBytes, vacuum.Bytes, vacuum.Files.Count, vacuum.Retention.TotalHours, target,
            snapshot.Files.Count, bins.Sum(b => b.Count), bins.Count, columns);
    }
}
