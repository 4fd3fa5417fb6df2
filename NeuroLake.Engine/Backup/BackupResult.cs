namespace NeuroLake.Engine.Backup;

/// <summary>What a backup wrote: the set, its size, and how much of it was new to the repository.</summary>
public sealed record BackupResult(string SetId, int Tables, int Files, long TotalBytes, int NewObjects, long NewBytes);
