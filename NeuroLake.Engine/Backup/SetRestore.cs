using System.Text.Json;
using NeuroLake.Engine.Catalog.Transfer;
using NeuroLake.Engine.Storage;

namespace NeuroLake.Engine.Backup;

/// <summary>
/// What every restore shares: the set is verified before anything is written (a set that fails is refused, naming
/// its bad files), and each file is hashed again on the pass that writes it.
/// </summary>
internal sealed class SetRestore(BackupRepository repository, TimeProvider time)
{
    public async Task<BackupManifest> OpenVerifiedAsync(string setId, CancellationToken ct)
    {
        var verify = await new BackupVerifier(repository, time).VerifyAsync(setId, ct).ConfigureAwait(false);
        if (!verify.Usable)
        {
            var named = string.Join(", ", verify.Problems.Take(10).Select(p => $"{p.Path} ({p.Kind.ToString().ToLowerInvariant()})"));
            var more = verify.Problems.Count > 10 ? $" and {verify.Problems.Count - 10} more" : "";
            throw new BackupException($"Backup set '{setId}' failed verify and cannot be restored: {named}{more}. Restore an earlier set.");
        }

        return await repository.ReadManifestAsync(setId, ct).ConfigureAwait(false);
    }

    /// <summary>Writes a table's files into an empty <paramref name="target"/>; refuses a target that already holds a table.</summary>
    public async Task WriteTableAsync(BackupTable table, IObjectStore target, string targetName, CancellationToken ct)
    {
        if ((await target.ListAsync("", null, ct).ConfigureAwait(false)).Count > 0)
        {
            throw new BackupException($"The restore target for {table.Name} ('{targetName}') is not empty: restore into a new table name or folder.");
        }

        // Data first, log last: a restore cut short leaves at most an incomplete log, never a log naming missing files.
        foreach (var file in table.Files.OrderBy(f => IsLog(f)).ThenBy(f => f.Path, StringComparer.Ordinal))
        {
            await WriteFileAsync(table, file, target, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Writes one file of <paramref name="table"/> under its path in <paramref name="target"/>, hashing it on the way.</summary>
    public async Task WriteFileAsync(BackupTable table, BackupFile file, IObjectStore target, CancellationToken ct)
    {
        await using var content = new HashingReadStream(await repository.OpenAsync(file, ct).ConfigureAwait(false));
        await target.PutAsync(file.Path, content, ct).ConfigureAwait(false);
        if (content.Sha256 != file.Sha256 || content.BytesRead != file.Size)
        {
            throw new BackupException($"{table.Name}/{file.Path} changed in the repository during the restore; verify the set and try again.");
        }
    }

    public static bool IsLog(BackupFile file) => file.Path.StartsWith("_delta_log/", StringComparison.Ordinal);

    public async Task<IReadOnlyList<CatalogTableRows>> ReadCatalogAsync(BackupManifest manifest, CancellationToken ct)
    {
        var tables = new List<CatalogTableRows>();
        foreach (var file in manifest.CatalogFiles)
        {
            await using var content = await repository.OpenAsync(file, ct).ConfigureAwait(false);
            tables.Add(await JsonSerializer.DeserializeAsync<CatalogTableRows>(content, BackupRepository.Json, ct).ConfigureAwait(false)
                ?? throw new BackupException($"{file.Path} of set '{manifest.SetId}' is empty."));
        }

        return tables;
    }
}
