using Microsoft.Extensions.Options;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Storage.Cache;
using NeuroLake.Engine.Storage.S3;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Storage;

/// <summary>
/// Answers the Storage page and <c>/api/v1/storage</c>. Tiers, tables and partitions cover only the tables the user
/// may SELECT (<see cref="VisibleTables"/>): a hidden table is never measured, named, counted or summed, so tier totals
/// are the user's own view. The file cache's figures cannot be split by table (one cache serves every reader, and its
/// activity betrays reads of tables the user cannot see), so only administrators get them.
/// </summary>
public sealed class StorageReports(
    CatalogStore catalog, VisibleTables visible, PrivilegeEvaluator privileges, StorageSurvey survey, CacheSampleStore samples,
    FileCache cache, IOptions<NeuroLakeOptions> options, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Whether <paramref name="user"/> may see the file cache's figures (administrators).</summary>
    public Task<bool> CanSeeCacheAsync(string user, CancellationToken ct = default) => privileges.IsAdminAsync(user, ct);

    /// <summary>The tables <paramref name="user"/> may SELECT, measured now, with their tiers.</summary>
    public async Task<StorageOverview> OverviewAsync(string user, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var tables = new List<TableFootprint>();
        var measured = new List<StorageDay>();
        var unmeasured = new List<string>();
        foreach (var table in await ReadableAsync(user, ct))
        {
            var name = table.Path.ToString();
            try
            {
                var days = await survey.MeasureAsync(today, name, table.Location, ct);
                measured.AddRange(days);
                tables.Add(new TableFootprint(
                    name, table.CurrentVersion, [.. days.Select(d => d.Tier).Order()], days.Sum(d => d.CurrentBytes), days.Sum(d => d.CurrentFiles),
                    days.Sum(d => d.OlderVersionsBytes), days.Sum(d => d.OlderVersionsFiles)));
            }
            catch (Exception e) when (e is NeuroLakeException or IOException or NotSupportedException or UnauthorizedAccessException)
            {
                // The reason may quote a location; the page names the table only.
                unmeasured.Add(name);
            }
        }

        var tiers = Enum.GetValues<StorageTier>().Select(tier =>
        {
            var on = measured.Where(d => d.Tier == tier).ToList();
            return new TierFootprint(tier, on.Sum(d => d.CurrentBytes), on.Sum(d => d.CurrentFiles), on.Sum(d => d.OlderVersionsBytes),
                on.Sum(d => d.OlderVersionsFiles), on.Select(d => d.Table).Distinct(StringComparer.Ordinal).Count());
        }).ToList();
        var s3 = options.Value.Storage.S3;
        return new StorageOverview(
            !string.IsNullOrWhiteSpace(s3.ServiceUrl) || !string.IsNullOrWhiteSpace(s3.Bucket),
            S3Location.IsS3(options.Value.Warehouse) ? "s3" : "local",
            tiers,
            tables.OrderByDescending(t => t.TotalBytes).ThenBy(t => t.Name, StringComparer.Ordinal).ToList(),
            unmeasured);
    }

    /// <summary>The latest version of <paramref name="table"/> by partition; null when it is missing or <paramref name="user"/> may not SELECT it.</summary>
    public async Task<TablePartitions?> PartitionsAsync(string user, SecurablePath table, CancellationToken ct = default)
    {
        var info = await catalog.FindTableAsync(table, ct);
        return info is not null && await visible.CanSelectAsync(user, table, ct) ? await survey.PartitionsAsync(info.Location, ct) : null;
    }

    /// <summary>The cache's figures and the samples of <paramref name="range"/>; null when <paramref name="user"/> is not an administrator.</summary>
    public async Task<CacheReport?> CacheAsync(string user, CacheRange range, CancellationToken ct = default) =>
        await CanSeeCacheAsync(user, ct)
            ? new CacheReport(cache.Statistics, options.Value.Storage.Cache.SampleMinutes, range, await samples.ListAsync(range.From, range.To, ct))
            : null;

    private async Task<IReadOnlyList<TableInfo>> ReadableAsync(string user, CancellationToken ct)
    {
        var tables = new List<TableInfo>();
        foreach (var catalogPath in await catalog.ListCatalogsAsync(ct))
        {
            var paths = new List<SecurablePath>();
            foreach (var schema in await catalog.ListSchemasAsync(catalogPath.Catalog, ct))
            {
                paths.AddRange(await catalog.ListTablesAsync(catalogPath.Catalog, schema.Schema!, ct));
            }

            var readable = await visible.SelectableAsync(user, paths, ct);
            var found = await catalog.FindTablesAsync(catalogPath.Catalog, readable.Select(p => (p.Schema!, p.Table!)).ToList(), ct);
            tables.AddRange(found.Values);
        }

        return tables;
    }
}
