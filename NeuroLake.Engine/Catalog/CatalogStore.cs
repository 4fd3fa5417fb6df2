using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog;

/// <summary>Securables: create catalogs and schemas, read tables, and edit owner, description, tags and classification.</summary>
public sealed class CatalogStore
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly TimeProvider _time;
    private readonly CatalogTableCache _tables;

    internal CatalogStore(IDbContextFactory<CatalogDbContext> factory, TimeProvider time, CatalogTableCache tables)
    {
        _factory = factory;
        _time = time;
        _tables = tables;
    }

    /// <summary>The catalog database, for engine services that keep their own tables in it (governance).</summary>
    internal IDbContextFactory<CatalogDbContext> Factory => _factory;

    public async Task CreateCatalogAsync(string name, string owner = "", string description = "", CancellationToken cancellationToken = default)
    {
        Identifier.Require(name, "Catalog name");
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        if (await db.Catalogs.AnyAsync(c => c.Name.ToLower() == name.ToLower(), cancellationToken))
        {
            CatalogThrow.Duplicate("Catalog", name);
        }

        db.Catalogs.Add(Stamp(new CatalogRecord { Name = name, Owner = owner, Description = description }));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task CreateSchemaAsync(string catalog, string name, string owner = "", string description = "", CancellationToken cancellationToken = default)
    {
        Identifier.Require(name, "Schema name");
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var parent = (CatalogRecord)await CatalogLookup.SecurableAsync(db, new SecurablePath(Identifier.Require(catalog, "Catalog name")), cancellationToken);
        if (await db.Schemas.AnyAsync(s => s.CatalogId == parent.Id && s.Name.ToLower() == name.ToLower(), cancellationToken))
        {
            CatalogThrow.Duplicate("Schema", $"{catalog}.{name}");
        }

        db.Schemas.Add(Stamp(new SchemaRecord { CatalogId = parent.Id, Name = name, Owner = owner, Description = description }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The table with its columns in ordinal order, or null when it is not registered.</summary>
    public async Task<TableInfo?> FindTableAsync(SecurablePath table, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Tables.AsNoTracking().Include(t => t.Columns)
            .FirstOrDefaultAsync(t => t.Name == table.Table && t.Schema!.Name == table.Schema && t.Schema.Catalog!.Name == table.Catalog, cancellationToken);
        return row is null ? null : ToInfo(table.TablePath, row);
    }

    /// <summary>
    /// Where a registered table's Delta log lives, or null when it is not registered: the lookup every query makes per
    /// table, so it reads the one value instead of the table with its columns.
    /// </summary>
    public async Task<string?> FindTableLocationAsync(SecurablePath table, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        return await db.Tables.AsNoTracking()
            .Where(t => t.Name == table.Table && t.Schema!.Name == table.Schema && t.Schema.Catalog!.Name == table.Catalog)
            .Select(t => t.Location)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The locations of several tables of one catalog, from the same cached lookup as <see cref="FindTablesAsync"/>;
    /// tables that are not registered are absent from the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Schema, string Table), string>> FindTableLocationsAsync(
        string catalog, IReadOnlyCollection<(string Schema, string Table)> tables, CancellationToken cancellationToken = default) =>
        (await FindTablesAsync(catalog, tables, cancellationToken)).ToDictionary(t => t.Key, t => t.Value.Location);

    /// <summary>
    /// Several tables of one catalog with their columns in one round trip (what a query's result metadata needs);
    /// tables that are not registered are absent from the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Schema, string Table), TableInfo>> FindTablesAsync(
        string catalog, IReadOnlyCollection<(string Schema, string Table)> tables, CancellationToken cancellationToken = default)
    {
        // Every statement asks this for the tables it reads: served from the cache while no securable row changed.
        var found = new Dictionary<(string Schema, string Table), TableInfo>();
        var missing = new List<(string Schema, string Table)>();
        foreach (var table in tables)
        {
            if (_tables.TryGet(catalog, table.Schema, table.Table, out var cached))
            {
                found[table] = cached;
            }
            else
            {
                missing.Add(table);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var generation = _tables.Generation;
        var schemas = missing.Select(t => t.Schema).Distinct().ToList();
        var names = missing.Select(t => t.Table).Distinct().ToList();
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Tables.AsNoTracking().Include(t => t.Columns).Include(t => t.Schema)
            .Where(t => t.Schema!.Catalog!.Name == catalog && schemas.Contains(t.Schema.Name) && names.Contains(t.Name))
            .ToListAsync(cancellationToken);
        foreach (var row in rows.Where(r => missing.Contains((r.Schema!.Name, r.Name))))
        {
            var info = ToInfo(SecurablePath.ForTable(catalog, row.Schema!.Name, row.Name), row);
            _tables.Put(generation, info);
            found[(row.Schema!.Name, row.Name)] = info;
        }

        return found;
    }

    /// <summary>All catalogs, by name.</summary>
    public async Task<IReadOnlyList<SecurablePath>> ListCatalogsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var names = await db.Catalogs.OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(cancellationToken);
        return names.Select(n => new SecurablePath(n)).ToList();
    }

    /// <summary>All catalogs with their owner, description and times, by name: what a catalog listing for external engines shows.</summary>
    public async Task<IReadOnlyList<SecurableInfo>> DescribeCatalogsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Catalogs.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return rows.Select(c => ToInfo(new SecurablePath(c.Name), c)).ToList();
    }

    /// <summary>The schemas of <paramref name="catalog"/> with their owner, description and times, by name.</summary>
    public async Task<IReadOnlyList<SecurableInfo>> DescribeSchemasAsync(string catalog, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var parent = await CatalogLookup.SecurableAsync(db, new SecurablePath(catalog), cancellationToken);
        var rows = await db.Schemas.AsNoTracking().Where(s => s.CatalogId == parent.Id).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return rows.Select(s => ToInfo(new SecurablePath(parent.Name, s.Name), s)).ToList();
    }

    /// <summary>Schemas of one catalog, by name.</summary>
    public async Task<IReadOnlyList<SecurablePath>> ListSchemasAsync(string catalog, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var parent = await CatalogLookup.SecurableAsync(db, new SecurablePath(catalog), cancellationToken);
        var names = await db.Schemas.Where(s => s.CatalogId == parent.Id).OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(cancellationToken);
        return names.Select(n => new SecurablePath(catalog, n)).ToList();
    }

    /// <summary>Tables of one schema, by name.</summary>
    public async Task<IReadOnlyList<SecurablePath>> ListTablesAsync(string catalog, string schema, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var schemaRow = await CatalogLookup.SchemaAsync(db, new SecurablePath(catalog, schema), cancellationToken);
        var names = await db.Tables.Where(t => t.SchemaId == schemaRow.Id).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(cancellationToken);
        return names.Select(n => new SecurablePath(catalog, schema, n)).ToList();
    }

    public Task SetDescriptionAsync(SecurablePath path, string description, CancellationToken cancellationToken = default) =>
        EditAsync(path, s => s.Description = description ?? "", cancellationToken);

    public Task SetOwnerAsync(SecurablePath path, string owner, CancellationToken cancellationToken = default) =>
        EditAsync(path, s => s.Owner = owner ?? "", cancellationToken);

    /// <summary>Replaces the tags; each is trimmed, empty ones are refused, duplicates (ignoring case) kept once.</summary>
    public Task SetTagsAsync(SecurablePath path, IEnumerable<string> tags, CancellationToken cancellationToken = default)
    {
        var clean = tags.Select(t => t?.Trim() ?? "").ToList();
        if (clean.Any(t => t.Length is 0 or > Identifier.MaxLength))
        {
            CatalogThrow.Invalid($"A tag is empty or longer than {Identifier.MaxLength} characters: give every tag some text.");
        }

        var distinct = clean.DistinctBy(t => t.ToLowerInvariant()).ToList();
        return EditAsync(path, s => s.Tags = distinct, cancellationToken);
    }

    /// <summary>Sets a column's semantic type and PII classification (null clears it).</summary>
    public Task ClassifyColumnAsync(SecurablePath column, string? semanticType, PiiClassification? pii, CancellationToken cancellationToken = default)
    {
        if (column.Kind != SecurableKind.Column)
        {
            CatalogThrow.Invalid($"'{column}' is not a column: name it as catalog.schema.table.column.");
        }

        if (pii is not null && (pii.Confidence is < 0 or > 1 || string.IsNullOrWhiteSpace(pii.Type)))
        {
            CatalogThrow.Invalid("A PII classification needs a type (e.g. email) and a confidence between 0 and 1.");
        }

        return EditAsync(column, s =>
        {
            var record = (ColumnRecord)s;
            record.SemanticType = semanticType;
            record.PiiType = pii?.Type;
            record.PiiConfidence = pii?.Confidence;
            record.PiiSource = pii?.Source;
        }, cancellationToken);
    }

    /// <summary>Forgets a table and everything recorded about it (history, quality, usage, lineage).</summary>
    public async Task DeleteTableAsync(SecurablePath table, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var row = await CatalogLookup.TableAsync(db, table, cancellationToken);
        db.Tables.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static TableInfo ToInfo(SecurablePath path, TableRecord t) => new(
        t.Id, path, t.Location, t.Owner, t.Description, t.Tags, t.MinReaderVersion, t.MinWriterVersion, t.PartitionColumns,
        t.Properties, t.CurrentVersion, t.SizeBytes, t.FileCount, t.SchemaVersion, t.CreatedAt, t.UpdatedAt,
        t.Columns.OrderBy(c => c.Ordinal).Select(c => new ColumnInfo(
            c.Name, c.Ordinal, c.TypeText, c.Nullable, c.Owner, c.Description, c.Tags, c.SemanticType,
            c.PiiType is null ? null : new PiiClassification(c.PiiType, c.PiiConfidence ?? 1, c.PiiSource ?? PiiSource.Manual))).ToList());

    private static SecurableInfo ToInfo(SecurablePath path, SecurableRecord s) => new(s.Id, path, s.Owner, s.Description, s.Tags, s.CreatedAt, s.UpdatedAt);

    private async Task EditAsync(SecurablePath path, Action<SecurableRecord> edit, CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var securable = await CatalogLookup.SecurableAsync(db, path, ct);
        edit(securable);
        securable.UpdatedAt = _time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    private T Stamp<T>(T securable) where T : SecurableRecord
    {
        securable.CreatedAt = securable.UpdatedAt = _time.GetUtcNow();
        return securable;
    }
}
