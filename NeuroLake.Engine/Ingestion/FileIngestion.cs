using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Telemetry;
using System.Diagnostics;

namespace NeuroLake.Engine.Ingestion;

/// <summary>
/// Loads a staged file into a catalog table with no questions asked: detect, propose the schema, load with the
/// proposal as it is. What the wizard does when the user confirms every default, so programmatic loads (the HTTP
/// API) and the wizard's get the same tables, in a local folder or on S3. A new table that fails or is cancelled leaves
/// no folder or objects behind.
/// </summary>
/// <param name="privileges">When given and enforcing, loads need <see cref="FileIngestionRequest.User"/> to hold MODIFY on an existing table or CREATE TABLE on the schema.</param>
/// <param name="audit">When given, every ingestion is audited with its user, table, file and outcome.</param>
/// <param name="metering">When given, every ingestion is metered (wall and CPU time, the file's bytes, the table).</param>
/// <param name="stores">Opens tables on S3 (an <c>s3://</c> warehouse or registered S3 tables); without it only local tables load.</param>
public sealed class FileIngestion(
    DuckDbDatabase duckDb, IngestionLoader loader, CatalogStore catalog, WarehouseLayout layout, CatalogTableObserver observer,
    PrivilegeEvaluator? privileges = null, AuditLog? audit = null, IngestionMetering? metering = null, ObjectStoreFactory? stores = null)
{
    /// <exception cref="PermissionDeniedException">The user may not write the table (checked before the file is read).</exception>
    public Task<FileIngestionResult> IngestAsync(FileIngestionRequest request, CancellationToken ct = default) =>
        metering.MeterAsync(request.User ?? "unknown", request.Table.ToString(), request.SourceFile.Size, () => audit.TrackAsync(
            request.User ?? "unknown", AuditAction.Ingestion, request.Table.ToString(),
            $"{request.SourceFile.FileName} ({request.Mode}, {request.SourceFile.Size} bytes, SHA-256 {request.SourceFile.Sha256})",
            () => IngestUnauditedAsync(request, ct)));

    private async Task<FileIngestionResult> IngestUnauditedAsync(FileIngestionRequest request, CancellationToken ct)
    {
        using var span = EngineTelemetry.Source.StartActivity("ingestion");
        span?.SetTag("neurolake.table", request.Table.ToString());
        span?.SetTag("neurolake.mode", request.Mode.ToString());
        request = request with { Progress = request.Progress ?? new IngestionProgress() };
        var format = "unknown";
        try
        {
            using (new IngestionPhaseSpans(request.Progress!, span))
            {
                var result = await IngestTracedAsync(request, f => format = f, ct).ConfigureAwait(false);
                EngineTelemetry.Ingestion(format, "loaded");
                return result;
            }
        }
        catch (Exception e)
        {
            EngineTelemetry.Ingestion(format, e is OperationCanceledException ? "cancelled" : "failed");
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }

    private async Task<FileIngestionResult> IngestTracedAsync(FileIngestionRequest request, Action<string> detected, CancellationToken ct)
    {
        await AuthorizeAsync(request, ct).ConfigureAwait(false);
        var progress = request.Progress;
        ProposedSchema schema;
        using (var connection = duckDb.Connect())
        {
            schema = await SchemaProposer.ProposeFileAsync(connection, request.StagedPath, progress, request.Encoding, ct, request.JsonNesting, request.Sheet).ConfigureAwait(false);
        }
        detected(schema.Source.OriginalFormatName);

        try
        {
            return await LoadAsync(request, schema, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (IngestionDatabase.OutOfMemory(e) is { } clear)
        {
            throw clear;
        }
        finally
        {
            schema.Source.DeleteTranscodedCopy();
        }
    }

    private async Task<FileIngestionResult> LoadAsync(FileIngestionRequest request, ProposedSchema schema, CancellationToken ct)
    {
        var progress = request.Progress;
        var (location, isNew) = await LocateAsync(request, ct).ConfigureAwait(false);
        // The target opens on the loader's database: the load's write runs there, under the load database's limits.
        var target = await IngestionTables.OpenAsync(location, loader.Database, stores, new DeltaTableOptions { Observer = observer, UserName = request.User }, ct)
            .ConfigureAwait(false);
        var id = Guid.NewGuid().ToString("N");
        var report = await IngestionTables.WithoutLeftoversAsync(target, isNew, () => loader.LoadAsync(
            new LoadRequest(target, schema, request.Mode)
            {
                KeyColumns = request.KeyColumns,
                MergeSchema = request.MergeSchema,
                BadRows = request.BadRows,
                Progress = progress,
                SourceFile = request.SourceFile,
                IngestionId = id,
            },
            ct), ct).ConfigureAwait(false);
        return new FileIngestionResult(schema, report, request.SourceFile, id);
    }

    private async Task AuthorizeAsync(FileIngestionRequest request, CancellationToken ct)
    {
        if (privileges is not { Enforced: true })
        {
            return;
        }

        var user = request.User ?? throw new IngestionException("Loading a file needs the user it is loaded for: set FileIngestionRequest.User.");
        var target = Securable.Of(request.Table);
        // Appending, overwriting and merging write an existing table; a new one needs CREATE TABLE on its schema.
        var write = request.Mode == LoadMode.NewTable ? Privilege.CreateTable : Privilege.Modify;
        await privileges.RequireAsync(user, target, ct, Privilege.UseCatalog, Privilege.UseSchema, write).ConfigureAwait(false);
    }

    /// <summary>An existing table's location from the catalog, or a new one under the warehouse (a folder or an S3 prefix).</summary>
    private async Task<(string Location, bool IsNew)> LocateAsync(FileIngestionRequest request, CancellationToken ct)
    {
        var name = request.Table;
        if (name.Kind != Catalog.Model.SecurableKind.Table)
        {
            throw new IngestionException($"'{name}' is not a table name: name the target as schema.table or catalog.schema.table.");
        }

        var existing = await catalog.FindTableAsync(name, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            return (existing.Location, false);
        }

        if (request.Mode != LoadMode.NewTable)
        {
            throw new IngestionException($"Table '{name}' does not exist: load the file with mode=create, or name an existing table.");
        }

        return (layout.LocationOf(name.Catalog, name.Schema!, name.Table!), true);
    }
}
