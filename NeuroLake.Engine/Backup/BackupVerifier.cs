using NeuroLake.Engine.Storage;
using ZstdSharp;

namespace NeuroLake.Engine.Backup;

/// <summary>
/// Re-reads every file of a set from the repository, decompressing what was compressed, and compares size and SHA-256
/// with the manifest; the result is stored beside the manifest so a damaged set stays marked unusable.
/// </summary>
internal sealed class BackupVerifier(BackupRepository repository, TimeProvider time)
{
    public async Task<BackupVerifyResult> VerifyAsync(string setId, CancellationToken ct, IProgress<BackupProgress>? progress = null)
    {
        var manifest = await repository.ReadManifestAsync(setId, ct).ConfigureAwait(false);
        var problems = new List<BackupFileProblem>();
        var checkedFiles = 0;
        long bytes = 0;
        var total = Math.Max(1, manifest.TotalBytes);
        foreach (var (name, file) in Named(manifest))
        {
            if (await CheckAsync(file, ct).ConfigureAwait(false) is { } kind)
            {
                problems.Add(new BackupFileProblem(name, kind));
            }

            checkedFiles++;
            bytes += file.Size;
            progress?.Report(new BackupProgress((double)bytes / total, $"verifying set {setId}", checkedFiles, bytes, 0, 0));
        }

        var result = new BackupVerifyResult(setId, time.GetUtcNow(), checkedFiles, bytes, problems);
        await repository.WriteVerifyResultAsync(result, ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>Each file under the name users see: <c>catalog/…</c>, or the table's name and the file's path in the table.</summary>
    internal static IEnumerable<(string Name, BackupFile File)> Named(BackupManifest manifest) =>
        manifest.CatalogFiles.Select(f => (f.Path, f))
            .Concat(manifest.Tables.SelectMany(t => t.Files.Select(f => ($"{t.Name}/{f.Path}", f))));

    private async Task<BackupFileProblemKind?> CheckAsync(BackupFile file, CancellationToken ct)
    {
        try
        {
            await using var content = new HashingReadStream(await repository.OpenAsync(file, ct).ConfigureAwait(false));
            await content.CopyToAsync(Stream.Null, ct).ConfigureAwait(false);
            return content.BytesRead == file.Size && content.Sha256 == file.Sha256 ? null : BackupFileProblemKind.Damaged;
        }
        catch (ObjectNotFoundException)
        {
            return BackupFileProblemKind.Missing;
        }
        catch (ZstdException)
        {
            return BackupFileProblemKind.Damaged;
        }
    }
}
