namespace NeuroLake.Engine.Backup;

/// <summary>
/// The outcome of re-reading every file of a set: <see cref="Problems"/> names each damaged or missing file by its path
/// inside the set; a set with any problem is unusable and restore refuses it.
/// </summary>
public sealed record BackupVerifyResult(string SetId, DateTimeOffset VerifiedAt, int FilesChecked, long BytesChecked, IReadOnlyList<BackupFileProblem> Problems)
{
    public bool Usable => Problems.Count == 0;
}

/// <summary>One file that failed verify: <see cref="Path"/> as listed in the manifest, prefixed by its table.</summary>
public sealed record BackupFileProblem(string Path, BackupFileProblemKind Kind);

public enum BackupFileProblemKind
{
    Missing,
    Damaged,
}
