using NeuroLake.Engine.Settings;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.S3;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Compare;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Catalog;

/// <summary>
/// How the catalog pages read and change a table. Reads (history, snapshots, comparisons) open the Delta table directly for typed
/// results; changes (RESTORE, OPTIMIZE, VACUUM) and row reads run as SQL through the query service, so they are the
/// signed-in user's statements (<see cref="IWorkbenchUser"/>), checked by its sandbox, and keep the catalog in step exactly as the SQL editor does.
/// </summary>
/// <param name="stores">Opens tables on S3 (an <c>s3://</c> warehouse); without it only local tables can be read here.</param>
public sealed class TableAccess(CatalogStore catalog, QueryService queries, DuckDbDatabase duckDb, SettingsStore settings, IWorkbenchUser user, ObjectStoreFactory? stores = null)
{
    /// <summary>The catalog's entry for the table, or null when it is not registered.</summary>
    public Task<TableInfo?> FindAsync(TableName name, CancellationToken ct) => catalog.FindTableAsync(name.Path, ct);

    /// <summary>The Delta table at the registered location (a folder, or S3 read through the file cache), for reads.</summary>
    public async Task<DeltaTable> OpenAsync(TableInfo info, CancellationToken ct) => !S3Location.IsS3(info.Location)
        ? new(new LocalObjectStore(info.Location), duckDb)
        : new(await (stores ?? throw new InvalidOperationException("Tables on S3 need NeuroLake:Storage:S3 configured.")).OpenAsync(info.Location, ct), duckDb);

    /// <summary>Compares two versions, listing changed rows up to the compare row limit (Admin → Settings) rows per version.</summary>
    public async Task<VersionComparison> CompareAsync(TableInfo info, long from, long to, CancellationToken ct) =>
        await VersionComparer.CompareAsync(await OpenAsync(info, ct), from, to, new CompareOptions { MaxRowsForRowDiff = settings.Current.CompareRowLimit }, ct);

    /// <summary>
    /// Runs one statement as the signed-in user and returns its result (at most <paramref name="rowLimit"/> rows);
    /// <paramref name="progress"/>, when given, follows it while it runs; <paramref name="allowShortVacuumRetention"/> lets a
    /// VACUUM retain less than the table's retention (the user confirmed it on the Maintenance tab).
    /// </summary>
    /// <exception cref="QueryFailedException">The statement failed; its message says why.</exception>
    public async Task<StatementResult> RunAsync(string sql, int rowLimit, CancellationToken ct, QueryProgress? progress = null, bool allowShortVacuumRetention = false)
    {
        var request = new QueryRequest(user.Name, RowLimit: rowLimit) { Progress = progress, AllowShortVacuumRetention = allowShortVacuumRetention };
        var results = await queries.ExecuteAsync(sql, request, ct);
        return results[^1];
    }
}
