using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.SchemaHistory;

namespace NeuroLake.Engine.Catalog.Registration;

/// <summary>Registers tables and their schema history; the table layer's view of the catalog.</summary>
/// <param name="created">
/// Who hears of each table new to the catalog that a user created (every way of creating one registers here, so this is
/// the one hook); resolved lazily because listeners may depend on services that depend on this registrar.
/// </param>
internal sealed class CatalogRegistrar(
    IDbContextFactory<CatalogDbContext> factory, TimeProvider time, Func<IEnumerable<ITableCreatedListener>>? created = null) : ICatalogRegistrar
{
    private const int Attempts = 5;

    public async Task<RegistrationResult> RegisterTableAsync(TableRegistration table, CancellationToken cancellationToken = default)
    {
        RegistrationValidator.Validate(table);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await RegisterOnceAsync(table, cancellationToken);
                if (result.Outcome == RegistrationOutcome.Created)
                {
                    await NotifyCreatedAsync(table);
                }

                return result;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // A concurrent registration created the same catalog, schema or table first; the next attempt finds it.
            }
        }
    }

    // Tables found by discovery have no creator: they existed before the catalog knew them, and are left alone.
    private async Task NotifyCreatedAsync(TableRegistration table)
    {
        var creator = table.CreatedBy ?? (table.Owner.Length > 0 ? table.Owner : null);
        if (created is null || creator is null)
        {
            return;
        }

        var path = SecurablePath.ForTable(table.Catalog, table.Schema, table.Name);
        foreach (var listener in created())
        {
            // The table is registered: a listener's trouble must not make its creation look failed.
            await listener.OnTableCreatedAsync(path, creator, CancellationToken.None);
        }
    }

    private async Task<RegistrationResult> RegisterOnceAsync(TableRegistration table, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var schema = await EnsureSchemaAsync(db, table, now, cancellationToken);
        var existing = await db.Tables.Include(t => t.Columns).FirstOrDefaultAsync(t => t.Location == table.Location, cancellationToken);
        var sameName = await db.Tables.FirstOrDefaultAsync(t => t.SchemaId == schema.Id && t.Name.ToLower() == table.Name.ToLower(), cancellationToken);
        if (sameName is not null && sameName.Id != existing?.Id)
        {
            CatalogThrow.Invalid(
                $"Table '{table.Catalog}.{table.Schema}.{table.Name}' is already registered at '{sameName.Location}': choose another name or drop that table first.");
        }

        RegistrationResult result;
        if (existing is null)
        {
            result = Create(db, schema, table, now);
        }
        else if (table.Version < existing.CurrentVersion)
        {
            return new RegistrationResult(existing.Id, RegistrationOutcome.Stale, existing.SchemaVersion, []);
        }
        else
        {
            result = await UpdateAsync(db, schema, existing, table, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<bool> UnregisterTableAsync(string location, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var table = await db.Tables.FirstOrDefaultAsync(t => t.Location == location, cancellationToken);
        if (table is null)
        {
            return false;
        }

        db.Tables.Remove(table);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<CatalogDrift> DetectDriftAsync(
        string location, long actualVersion, IReadOnlyList<ColumnDescriptor> actualColumns, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var table = await db.Tables.AsNoTracking().FirstOrDefaultAsync(t => t.Location == location, cancellationToken);
        if (table is null)
        {
            return new CatalogDrift(false, -1, actualVersion, []);
        }

        var recorded = await RecordedColumnsAsync(db, table.Id, cancellationToken);
        return new CatalogDrift(true, table.CurrentVersion, actualVersion, SchemaComparer.Compare(recorded, actualColumns));
    }

    /// <summary>Finds the catalog and schema ignoring case (so no near-duplicates appear), creating what is missing.</summary>
    private static async Task<SchemaRecord> EnsureSchemaAsync(CatalogDbContext db, TableRegistration table, DateTimeOffset now, CancellationToken ct)
    {
        var catalog = await db.Catalogs.FirstOrDefaultAsync(c => c.Name.ToLower() == table.Catalog.ToLower(), ct);
        if (catalog is null)
        {
            catalog = new CatalogRecord { Name = table.Catalog, Owner = table.Owner, CreatedAt = now, UpdatedAt = now };
            db.Catalogs.Add(catalog);
        }

        var schema = await db.Schemas.FirstOrDefaultAsync(s => s.CatalogId == catalog.Id && s.Name.ToLower() == table.Schema.ToLower(), ct);
        if (schema is null)
        {
            schema = new SchemaRecord { CatalogId = catalog.Id, Name = table.Schema, Owner = table.Owner, CreatedAt = now, UpdatedAt = now };
            db.Schemas.Add(schema);
        }

        return schema;
    }

    private static RegistrationResult Create(CatalogDbContext db, SchemaRecord schema, TableRegistration table, DateTimeOffset now)
    {
        var record = new TableRecord
        {
            SchemaId = schema.Id,
            Name = table.Name,
            Owner = table.Owner,
            Description = table.Description,
            CreatedAt = now,
            SchemaVersion = 1,
        };
        ApplyState(record, table, now);
        record.Columns = table.Columns.Select((c, i) => NewColumn(record, c, i, now)).ToList();
        db.Tables.Add(record);
        db.SchemaVersions.Add(NewVersion(record.Id, 1, table, now, []));
        return new RegistrationResult(record.Id, RegistrationOutcome.Created, 1, []);
    }

    private static async Task<RegistrationResult> UpdateAsync(
        CatalogDbContext db, SchemaRecord schema, TableRecord record, TableRegistration table, DateTimeOffset now, CancellationToken ct)
    {
        var recorded = await RecordedColumnsAsync(db, record.Id, ct);
        var changes = SchemaComparer.Compare(recorded, table.Columns);
        var stateChanged = record.SchemaId != schema.Id || record.Name != table.Name || record.CurrentVersion != table.Version
            || record.SizeBytes != table.SizeBytes || record.FileCount != table.FileCount
            || record.MinReaderVersion != table.MinReaderVersion || record.MinWriterVersion != table.MinWriterVersion
            || !record.PartitionColumns.SequenceEqual(table.PartitionColumns ?? [])
            || !JsonColumn.MapComparer.Equals(record.Properties, new Dictionary<string, string>(table.Properties ?? new Dictionary<string, string>()));
        if (!stateChanged && changes.Count == 0)
        {
            return new RegistrationResult(record.Id, RegistrationOutcome.Unchanged, record.SchemaVersion, []);
        }

        record.SchemaId = schema.Id;
        record.Name = table.Name;
        ApplyState(record, table, now);
        if (changes.Count > 0)
        {
            record.SchemaVersion++;
            SyncColumns(db, record, table.Columns, now);
            db.SchemaVersions.Add(NewVersion(record.Id, record.SchemaVersion, table, now, changes));
        }

        return new RegistrationResult(record.Id, RegistrationOutcome.Updated, record.SchemaVersion, changes);
    }

    /// <summary>Columns keep their descriptions, tags and classification across schema changes; dropped ones go.</summary>
    private static void SyncColumns(CatalogDbContext db, TableRecord record, IReadOnlyList<ColumnDescriptor> columns, DateTimeOffset now)
    {
        var byName = record.Columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        var wanted = new HashSet<string>(columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var dropped in record.Columns.Where(c => !wanted.Contains(c.Name)).ToList())
        {
            db.Columns.Remove(dropped);
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (byName.TryGetValue(columns[i].Name, out var column))
            {
                column.Name = columns[i].Name;
                column.Ordinal = i;
                column.TypeText = columns[i].Type;
                column.Nullable = columns[i].Nullable;
                column.UpdatedAt = now;
            }
            else
            {
                db.Columns.Add(NewColumn(record, columns[i], i, now));
            }
        }
    }

    private static void ApplyState(TableRecord record, TableRegistration table, DateTimeOffset now)
    {
        record.Location = table.Location;
        record.CurrentVersion = table.Version;
        record.SizeBytes = table.SizeBytes;
        record.FileCount = table.FileCount;
        record.MinReaderVersion = table.MinReaderVersion;
        record.MinWriterVersion = table.MinWriterVersion;
        record.PartitionColumns = [.. table.PartitionColumns ?? []];
        record.Properties = new Dictionary<string, string>(table.Properties ?? new Dictionary<string, string>());
        record.UpdatedAt = now;
    }

    private static ColumnRecord NewColumn(TableRecord table, ColumnDescriptor column, int ordinal, DateTimeOffset now) => new()
    {
        TableId = table.Id,
        Name = column.Name,
        Ordinal = ordinal,
        TypeText = column.Type,
        Nullable = column.Nullable,
        Owner = table.Owner,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static SchemaVersionRecord NewVersion(
        Guid tableId, int version, TableRegistration table, DateTimeOffset now, IReadOnlyList<SchemaChange> changes) => new()
    {
        TableId = tableId,
        Version = version,
        TableVersion = table.Version,
        RecordedAt = now,
        FieldsJson = JsonColumn.Write(table.Columns),
        ChangesJson = JsonColumn.Write(changes),
        Severity = (int)SchemaComparer.Worst(changes),
    };

    private static async Task<IReadOnlyList<ColumnDescriptor>> RecordedColumnsAsync(CatalogDbContext db, Guid tableId, CancellationToken ct)
    {
        var fields = await db.SchemaVersions.AsNoTracking()
            .Where(v => v.TableId == tableId)
            .OrderByDescending(v => v.Version)
            .Select(v => v.FieldsJson)
            .FirstAsync(ct);
        return JsonColumn.Read<List<ColumnDescriptor>>(fields);
    }
}
