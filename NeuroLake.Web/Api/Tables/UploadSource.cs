using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Web.Api.Tables;

/// <summary>
/// One of the caller's staged uploads as the rows of an insert or merge into an existing table. It loads through the
/// ingestion engine as <c>POST /api/v1/ingest</c> does (append, or merge on keys through the table's MERGE), which
/// refuses a file whose columns the table lacks or whose types do not fit, and fails on any row that does not parse
/// rather than quarantining it. A loaded upload is removed, as the wizard removes it.
/// </summary>
public readonly record struct UploadSource(FileIngestion Ingestion, UploadStore Uploads, IWorkbenchUser Uploader, TableAccess Tables)
{
    /// <summary>Appends the upload's rows.</summary>
    public async Task<RowChangeJson> InsertAsync(TableInfo table, string uploadId, CancellationToken ct)
    {
        var report = await LoadAsync(table, uploadId, LoadMode.Append, [], ct);
        return new RowChangeJson(report.RowsLoaded, report.TableVersion);
    }

    /// <summary>Updates the rows matching the upload's on <paramref name="keys"/> (every column) and inserts the others.</summary>
    public async Task<MergeResultJson> MergeAsync(TableInfo table, string uploadId, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var report = await LoadAsync(table, uploadId, LoadMode.MergeOnKey, keys, ct);
        var commit = (await (await Tables.OpenAsync(table, ct)).GetHistoryAsync(10, ct)).FirstOrDefault(e => e.Version == report.TableVersion);
        long Count(string metric) => commit is not null && commit.Metrics.TryGetValue(metric, out var text) && long.TryParse(text, out var n) ? n : 0;
        long updated = Count("numTargetRowsUpdated"), deleted = Count("numTargetRowsDeleted"), inserted = Count("numTargetRowsInserted");
        return new MergeResultJson(updated + deleted + inserted, updated, deleted, inserted, report.TableVersion);
    }

    private async Task<LoadReport> LoadAsync(TableInfo table, string uploadId, LoadMode mode, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var upload = Uploads.FindFor(Uploader.Name, uploadId)
            ?? throw new BadApiRequestException($"You have no staged upload '{uploadId}': it was loaded, removed or expired. GET /api/v1/uploads lists yours.");
        var info = upload.Sha256 is { } sha
            ? new SourceFileInfo(upload.FileName, upload.Size, sha)
            : await SourceFileInfo.ComputeAsync(upload.Path, upload.FileName, ct);
        FileIngestionResult result;
        try
        {
            result = await Ingestion.IngestAsync(
                new FileIngestionRequest(upload.Path, info, table.Path, mode) { KeyColumns = keys, BadRows = BadRowPolicy.Fail, User = Uploader.Name }, ct);
        }
        catch (IngestionException e)
        {
            throw new BadApiRequestException($"The upload {upload.FileName} cannot be loaded into {table.Path}: {e.Message}");
        }

        Uploads.Delete(upload.Id);
        return result.Load;
    }
}
