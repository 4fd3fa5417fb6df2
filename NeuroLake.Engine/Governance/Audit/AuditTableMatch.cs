using NeuroLake.Engine.Catalog;

namespace NeuroLake.Engine.Governance.Audit;

/// <summary>
/// Finds the entries about one table. A target lists tables joined by ", " — statements name them <c>schema.table</c>,
/// ingestion <c>catalog.schema.table</c> — so a table matches as a whole element of that list: <c>sales.orders</c>
/// does not match <c>sales.orders_archive</c>.
/// </summary>
internal static class AuditTableMatch
{
    public const string Separator = ", ";

    public static IQueryable<AuditRecord> About(IQueryable<AuditRecord> query, SecurablePath table)
    {
        if (table.Kind != Catalog.Model.SecurableKind.Table)
        {
            CatalogThrow.Invalid($"'{table}' is not a table: name it as catalog.schema.table.");
        }

        // Parameters, not constants: EF escapes LIKE wildcards such as '_' in them.
        var bare = $"{table.Schema}.{table.Table}".ToLowerInvariant();
        var full = $"{table.Catalog}.{bare}".ToLowerInvariant();
        var (bareFirst, bareLast, bareMiddle) = (bare + Separator, Separator + bare, Separator + bare + Separator);
        var (fullFirst, fullLast, fullMiddle) = (full + Separator, Separator + full, Separator + full + Separator);
        return query.Where(a =>
            a.TargetSearch == bare || a.TargetSearch.StartsWith(bareFirst) || a.TargetSearch.EndsWith(bareLast) || a.TargetSearch.Contains(bareMiddle) ||
            a.TargetSearch == full || a.TargetSearch.StartsWith(fullFirst) || a.TargetSearch.EndsWith(fullLast) || a.TargetSearch.Contains(fullMiddle));
    }
}
