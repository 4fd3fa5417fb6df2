using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Engine.Ingestion.Quality;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Reads;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>
/// The engine calls behind the ingestion wizard: detect and propose, preview, assess a sample, plan and load into a
/// managed table of the <c>main</c> catalog, read quarantined rows. DuckDB work runs off the circuit's thread.
/// </summary>
/// <param name="stores">Opens tables of an <c>s3://</c> warehouse; without it the warehouse must be a local folder.</param>
public sealed class IngestionWorkflow(
    DuckDbDatabase duckDb, IngestionLoader loader, UploadStore uploads, WarehouseLayout layout, CatalogTableObserver observer, CatalogStore catalog,
    AuditLog? audit = null, IngestionMetering? metering = null, ObjectStoreFactory? stores = null)
{
    /// <summary>The catalog managed tables are loaded into (the query service's default).</summary>
    public const string Catalog = "main";

    public const int PreviewRows = 20;

    /// <summary>Detects the upload's format and dialect and proposes a schema from a sample, nested JSON objects kept as STRUCT.</summary>
    /// <exception cref="IngestionException">The upload is gone, or the file cannot be read.</exception>
    public Task<ProposedSchema> ProposeAsync(string uploadId, CancellationToken ct) => ProposeAsync(uploadId, JsonNesting.Struct, ct);

    /// <summary>Detects the upload's format and dialect and proposes a schema from a sample.</summary>
    /// <exception cref="IngestionException">The upload is gone, or the file cannot be read.</exception>
    /// <param name="nesting">Whether nested JSON objects stay STRUCT or are flattened to columns; ignored for other formats.</param>
    public Task<ProposedSchema> ProposeAsync(string uploadId, JsonNesting nesting, CancellationToken ct) => ProposeAsync(uploadId, nesting, sheet: null, ct);

    /// <summary>Detects and proposes as above, reading the Excel sheet named <paramref name="sheet"/>.</summary>
    /// <exception cref="IngestionException">As above, or the workbook has no such sheet (the message lists its sheets).</exception>
    /// <param name="sheet">The Excel sheet to read; null reads the first sheet with rows; ignored for other formats.</param>
    public Task<ProposedSchema> ProposeAsync(string uploadId, JsonNesting nesting, string? sheet, CancellationToken ct) => Task.Run(async () =>
    {
        var upload = uploads.Find(uploadId) ?? throw new IngestionException("The uploaded file is no longer staged (loaded or expired): upload it again.");
        using var connection = duckDb.Connect();
        var source = await SourceDetector.DetectAsync(connection, upload.Path, progress: null, encoding: null, nesting, sheet, ct);
        using var sample = SourceSample.Create(connection, source, ct: ct);
        return SchemaProposer.Propose(connection, sample, source, PreviewRows, ct);
    }, ct);

    /// <summary>The first rows of the file read with <paramref name="columns"/> (names and types as edited).</summary>
    public Task<RowPage> PreviewAsync(ProposedSchema schema, IReadOnlyList<ProposedColumn> columns, CancellationToken ct) => Task.Run(() =>
    {
        using var connection = duckDb.Connect();
        var select = SourceSelect.Build(columns, schema.Source.RawRelationSql());
        return Read(connection, $"SELECT * EXCLUDE ({SourceSelect.ParseErrorsColumn}) FROM ({select}) LIMIT {PreviewRows}", ct);
    }, ct);

    /// <summary>Quality (parse failures, nulls, duplicates on <paramref name="key"/>) and PII of a sample read with the edited schema.</summary>
    public Task<SourceFindings> AssessAsync(ProposedSchema schema, IReadOnlyList<ProposedColumn> columns, IReadOnlyList<string> key, CancellationToken ct) => Task.Run(() =>
    {
        using var connection = duckDb.Connect();
        using var sample = SourceSample.Create(connection, schema.Source, ct: ct);
        var parsed = $"({SourceSelect.Build(columns, sample.TableName, includeRaw: true)})";
        var quality = QualityAssessor.Assess(connection, new QualityRequest(parsed, Key: key.Count > 0 ? key : null), ct);
        var names = string.Join(", ", columns.Select(c => SqlName.Quote(c.Name)));
        var pii = PiiDetector.Detect(connection, $"(SELECT {names} FROM {parsed})", ct: ct);
        return new SourceFindings(quality, pii);
    }, ct);

    /// <summary>
    /// The Delta table of <c>main.&lt;schema&gt;.&lt;table&gt;</c> in the warehouse (a folder or S3), registered in the catalog
    /// when it commits; on the loader's database, where the load's write runs.
    /// </summary>
    public Task<DeltaTable> TableAsync(string schema, string table, string user, CancellationToken ct) => IngestionTables.OpenAsync(
        layout.LocationOf(Catalog, schema, table), loader.Database, stores, new DeltaTableOptions { Observer = observer, UserName = user }, ct);

    public Task<LoadPlan> PlanAsync(LoadRequest request, CancellationToken ct) => loader.PlanAsync(request, ct);

    /// <summary>
    /// Loads, marks the PII the user reviewed as confirmed (or set by hand) rather than merely detected, then removes the
    /// staged upload (the table holds the rows now) unless no table was written.
    /// </summary>
    public Task<LoadReport> LoadAsync(LoadRequest request, string uploadId, IReadOnlyList<PiiReview> reviewed, CancellationToken ct)
    {
        var user = request.Target.Options.UserName ?? "unknown";
        var table = layout.NameOf(request.Target.Location, out _)?.ToString() ?? request.Target.Location;
        var upload = uploads.Find(uploadId);
        return metering.MeterAsync(user, table, request.SourceFile?.Size ?? upload?.Size ?? 0, () => audit.TrackAsync(
            user, AuditAction.Ingestion, table,
            // The wizard leaves SourceFile to the loader's default, so the file's name comes from its upload.
            $"{request.SourceFile?.FileName ?? upload?.FileName} ({request.Mode}) through the ingestion wizard",
            () => LoadUnauditedAsync(request, uploadId, reviewed, ct)));
    }

    private async Task<LoadReport> LoadUnauditedAsync(LoadRequest request, string uploadId, IReadOnlyList<PiiReview> reviewed, CancellationToken ct)
    {
        // Planning writes nothing, so an abandoned wizard leaves nothing in the warehouse; a failed new table leaves nothing either.
        LoadReport report;
        try
        {
            report = await IngestionTables.WithoutLeftoversAsync(
                request.Target, request.Mode == LoadMode.NewTable, () => Task.Run(() => loader.LoadAsync(request, ct), ct), ct);
        }
        catch (Exception e) when (IngestionDatabase.OutOfMemory(e) is { } clear)
        {
            throw clear;
        }

        if (report.CatalogTable is { } table)
        {
            foreach (var review in reviewed.Where(r => r.Decision == PiiDecision.Confirmed && report.Pii.Contains(r.Finding)))
            {
                var finding = review.Finding;
                var source = review.Manual ? PiiSource.Manual : PiiSource.Confirmed;
                await catalog.ClassifyColumnAsync(
                    table with { Column = finding.Column }, finding.SemanticName, new PiiClassification(finding.SemanticName, Math.Round(finding.Confidence, 4), source), ct);
            }
        }

        // A load that created no table leaves the upload staged, so its schema can be fixed and the file loaded again.
        if (report.TableWritten)
        {
            uploads.Delete(uploadId);
        }

        return report;
    }

    /// <summary>The newest quarantined rows of <paramref name="table"/> (its <c>_quarantine</c> table), or none.</summary>
    public Task<RowPage> QuarantineAsync(SecurablePath table, int rows, CancellationToken ct) => Task.Run(async () =>
    {
        var location = IngestionTables.QuarantineOf(layout.LocationOf(Catalog, table.Schema!, table.Table!));
        var quarantine = await IngestionTables.OpenAsync(location, duckDb, stores, null, ct);
        if (!await quarantine.ExistsAsync(ct))
        {
            return RowPage.Empty;
        }

        var snapshot = await quarantine.GetSnapshotAsync(null, ct);
        using var files = await TableFiles.LeaseAsync(snapshot, ct);
        using var connection = duckDb.Connect();
        connection.ExecuteNonQuery("SET TimeZone = 'UTC'", ct);
        return Read(connection, $"SELECT * FROM ({DeltaTable.ToSql(snapshot)}) ORDER BY {SqlName.Quote("_nl_loaded_at")} DESC LIMIT {rows}", ct);
    }, ct);

    private static RowPage Read(DuckDbConnection connection, string sql, CancellationToken ct)
    {
        using var reader = connection.ExecuteReader(sql, ct);
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<IReadOnlyList<object?>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray());
        }

        return new RowPage(names, rows);
    }
}
