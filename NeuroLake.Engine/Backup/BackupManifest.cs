namespace NeuroLake.Engine.Backup;

/// <summary>
/// What one backup set holds (stored zstd-compressed as <c>sets/&lt;id&gt;.manifest.json.zst</c>, written last): the catalog
/// export and, per table, the Delta version the catalog recorded and every file with its size and SHA-256. No
/// credentials and no absolute paths: table locations are relative to the lakehouse root. <see cref="Label"/> says why a
/// set was taken when not on request (a safety backup before an in-place restore); <see cref="NewBytes"/> is what the set
/// added to the repository (both absent from sets written before they existed, which format version 1 readers ignore).
/// </summary>
internal sealed record BackupManifest(
    int FormatVersion,
    string SetId,
    DateTimeOffset CreatedAt,
    string CatalogProvider,
    IReadOnlyList<BackupFile> CatalogFiles,
    IReadOnlyList<BackupTable> Tables,
    string? Label = null,
    long? NewBytes = null)
{
    /// <summary>Bumped when the manifest shape changes; readers refuse a newer one.</summary>
    public const int CurrentFormatVersion = 1;

    public IEnumerable<BackupFile> AllFiles => CatalogFiles.Concat(Tables.SelectMany(t => t.Files));

    public long TotalBytes => AllFiles.Sum(f => f.Size);
}

/// <summary>One table of a set: its catalog name, folder relative to the lakehouse root, and the version copied.</summary>
internal sealed record BackupTable(string Name, string RelativeLocation, long Version, IReadOnlyList<BackupFile> Files);

/// <summary>
/// One file: <see cref="Path"/> is the key inside its table (or <c>catalog/&lt;table&gt;.json</c>), <see cref="Size"/> and
/// <see cref="Sha256"/> (lower-case hex) are of the original bytes, which the repository keeps under that hash.
/// </summary>
internal sealed record BackupFile(string Path, long Size, string Sha256, bool Compressed);
