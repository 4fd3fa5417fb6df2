using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Backup;

/// <summary>A backup, verify or restore that cannot go on; the message names files by their path inside the set only.</summary>
public sealed class BackupException(string message) : NeuroLakeException(message);
