using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.S3;
using NeuroLake.Engine.Tables.Snapshots;
using NeuroLake.Engine.Tables.Errors;

namespace NeuroLake.Engine.Catalog.Integration;

/// <summary>
/// Registers the Delta tables already under a folder or an <c>s3://</c> prefix: every folder (prefix) holding a
/// <c>_delta_log</c> is opened with the table layer and registered. A table that cannot be opened or named is skipped with its reason; it never stops the scan.
/// </summary>
public sealed class DeltaTableDiscovery
{
    private readonly CatalogTableRecorder _recorder;
    private readonly TableNaming _naming;
    private readonly DuckDbDatabase _duckDb;
    private readonly ILogger _logger;
    private readonly ObjectStoreFactory? _stores;

    internal DeltaTableDiscovery(CatalogTableRecorder recorder, TableNaming naming, DuckDbDatabase duckDb, ILogger<DeltaTableDiscovery> logger, ObjectStoreFactory? stores = null)
    {
        _recorder = recorder;
        _naming = naming;
        _duckDb = duckDb;
        _logger = logger;
        _stores = stores;
    }

    /// <summary>
    /// Registers the tables found under <paramref name="path"/> (the folder itself included). A table keeps the name it is
    /// registered under; a folder of the warehouse layout gets its managed name; any other is named
    /// <paramref name="catalog"/>.<paramref name="schema"/>.&lt;folder name&gt; when both are given (give both or neither),
    /// else skipped. Invalid <paramref name="catalog"/> or <paramref name="schema"/> names throw <see cref="CatalogException"/>.
    /// </summary>
    public async Task<DiscoveryReport> DiscoverAsync(string path, string? catalog = null, string? schema = null, CancellationToken cancellationToken = default)
    {
        if ((catalog is null) != (schema is null))
        {
            throw new ArgumentException("Give both a catalog and a schema to name discovered tables by folder, or neither to name them by the warehouse layout.");
        }

        if (catalog is not null)
        {
            Identifier.Require(catalog, "Catalog name");
            Identifier.Require(schema, "Schema name");
        }

        var remote = S3Location.IsS3(path);
        if (!remote && !Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"Cannot discover tables under '{path}': the folder does not exist. Check the path.");
        }

        var folders = remote ? await S3TablePrefixesAsync(path, cancellationToken).ConfigureAwait(false) : TableFolders(Path.GetFullPath(path));
        var registered = new List<DiscoveredTable>();
        var skipped = new List<SkippedTable>();
        foreach (var folder in folders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await RegisterAsync(folder, catalog, schema, cancellationToken).ConfigureAwait(false);
            if (outcome.Table is { } table)
            {
                registered.Add(table);
            }
            else
            {
                _logger.DiscoverySkipped(folder, outcome.Skipped!.Reason, outcome.Skipped.Detail);
                skipped.Add(outcome.Skipped);
            }
        }

        return new DiscoveryReport(registered, skipped);
    }

    private async Task<(DiscoveredTable? Table, SkippedTable? Skipped)> RegisterAsync(string folder, string? catalog, string? schema, CancellationToken ct)
    {
        Snapshot snapshot;
        try
        {
            snapshot = await (await TableFolder.OpenAsync(folder, _duckDb, _stores, ct).ConfigureAwait(false)).GetSnapshotAsync(null, ct).ConfigureAwait(false);
        }
        catch (UnsupportedTableFeatureException e)
        {
            return (null, new SkippedTable(folder, DiscoverySkipReason.UnsupportedFeature, e.Message));
        }
        catch (Exception e) when (e is NeuroLakeException or IOException)
        {
            return (null, new SkippedTable(folder, DiscoverySkipReason.NotADeltaTable, e.Message));
        }

        var named = await _naming.ResolveAsync(folder, ct).ConfigureAwait(false);
        if (named.Name is null && catalog is not null)
        {
            var table = Path.GetFileName(folder);
            named = Identifier.IsValid(table)
                ? named with { Name = SecurablePath.ForTable(catalog, schema!, table) }
                : named with { Reason = $"folder name '{table}' is not a valid table identifier (letters, digits, underscores)" };
        }

        if (named.Name is not { } name)
        {
            return (null, new SkippedTable(folder, DiscoverySkipReason.InvalidName, named.Reason));
        }

        try
        {
            var result = await _recorder.RecordAsync(TableRegistrations.From(name, named.Location, snapshot), ct).ConfigureAwait(false);
            return (new DiscoveredTable(name, named.Location, snapshot.Version, result.Outcome), null);
        }
        catch (CatalogException e)
        {
            return (null, new SkippedTable(folder, DiscoverySkipReason.InvalidName, e.Message));
        }
    }

    /// <summary>
    /// The prefixes under an <c>s3://</c> location holding a <c>_delta_log</c>, in name order; a table's own prefixes are not
    /// searched. S3 has no folders to walk, so the whole location is listed once (keys come in order, a table's log first).
    /// </summary>
    private async Task<IReadOnlyList<string>> S3TablePrefixesAsync(string location, CancellationToken ct)
    {
        var factory = _stores ?? throw new NotSupportedException($"Cannot discover tables under '{location}': no S3 storage is configured here (NeuroLake:Storage:S3).");
        var root = S3Location.Parse(location);
        var store = await factory.OpenAsync(root.ToString(), ct).ConfigureAwait(false);
        var prefixes = (await store.ListAsync("", null, ct).ConfigureAwait(false))
            .Select(o => TablePrefix(o.Key)).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        var tables = new List<string>();
        foreach (var prefix in prefixes)
        {
            // In name order a table's own prefixes follow it directly, so only the last table found can contain this one.
            var inside = tables.Count > 0 && prefix.StartsWith(tables[^1], StringComparison.Ordinal);
            if (!inside && !prefix.Split('/', StringSplitOptions.RemoveEmptyEntries).Any(p => p.StartsWith('.')))
            {
                tables.Add(prefix);
            }
        }

        return tables.Select(p => root.Child(p.TrimEnd('/')).ToString()).ToList();
    }

    /// <summary>The table prefix (ending in '/', or empty for the root) of a key inside a <c>_delta_log</c>, or null.</summary>
    private static string? TablePrefix(string key)
    {
        const string Log = TableFolder.LogFolder + "/";
        if (key.StartsWith(Log, StringComparison.Ordinal))
        {
            return "";
        }

        var at = key.IndexOf("/" + Log, StringComparison.Ordinal);
        return at < 0 ? null : key[..(at + 1)];
    }

    /// <summary>Folders holding a <c>_delta_log</c>, depth first in name order; a table's own folders are not searched.</summary>
    private static IEnumerable<string> TableFolders(string root)
    {
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            if (Directory.Exists(Path.Combine(folder, TableFolder.LogFolder)))
            {
                yield return folder;
                continue;
            }

            string[] children;
            try
            {
                children = Directory.GetDirectories(folder);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                continue; // An unreadable folder holds no table we could open.
            }

            // Hidden folders and links are not followed: a link back up the tree would never end the walk.
            var searched = children.Where(c => !Path.GetFileName(c).StartsWith('.') && new DirectoryInfo(c).LinkTarget is null);
            foreach (var child in searched.OrderByDescending(c => c, StringComparer.Ordinal))
            {
                pending.Push(child);
            }
        }
    }
}

/// <summary>What a discovery registered and what it skipped.</summary>
public sealed record DiscoveryReport(IReadOnlyList<DiscoveredTable> Registered, IReadOnlyList<SkippedTable> Skipped);

/// <summary>A table discovery registered (or found already up to date: <see cref="RegistrationOutcome.Unchanged"/>).</summary>
public sealed record DiscoveredTable(SecurablePath Name, string Location, long Version, RegistrationOutcome Outcome);

/// <summary>A folder with a <c>_delta_log</c> that was not registered, and why.</summary>
public sealed record SkippedTable(string Location, DiscoverySkipReason Reason, string Detail);

public enum DiscoverySkipReason
{
    /// <summary>The log has no commits or cannot be read (corrupt, truncated, missing versions).</summary>
    NotADeltaTable,

    /// <summary>The table needs a protocol version or table feature NeuroLake does not implement.</summary>
    UnsupportedFeature,

    /// <summary>No valid catalog name: outside the layout, a folder name that is not an identifier, or rejected by the catalog.</summary>
    InvalidName,
}
