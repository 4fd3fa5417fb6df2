namespace NeuroLake.Engine.Backup;

/// <summary>
/// How far a backup or verify is: <see cref="Fraction"/> of the whole (0–1), what it is doing, the files and bytes
/// handled so far, and (for a backup) how many of them were new to the repository.
/// </summary>
public sealed record BackupProgress(double Fraction, string Step, int Files, long Bytes, int NewFiles, long NewBytes);
