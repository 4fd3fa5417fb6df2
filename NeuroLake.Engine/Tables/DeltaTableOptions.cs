namespace NeuroLake.Engine.Tables;

/// <summary>How a <see cref="DeltaTable"/> writes. Defaults suit most tables.</summary>
public sealed class DeltaTableOptions
{
    /// <summary>Commits between checkpoints (default 10). The table property <c>delta.checkpointInterval</c> overrides it.</summary>
    public int CheckpointInterval { get; set; } = 10;

    /// <summary>Target size of each written Parquet data file (default 128 MB).</summary>
    public long TargetFileSizeBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>How often a commit that lost a race without a logical conflict is retried (default 100).</summary>
    public int MaxCommitAttempts { get; set; } = 100;

    /// <summary>Recorded as commitInfo.userName.</summary>
    public string? UserName { get; set; }

    /// <summary>Recorded as commitInfo.engineInfo.</summary>
    public string EngineInfo { get; set; } = "NeuroLake/" + (typeof(DeltaTableOptions).Assembly.GetName().Version?.ToString(3) ?? "0");

    /// <summary>Told about table creation and every commit (the catalog implements it). Null: nobody is told.</summary>
    public ITableChangeObserver? Observer { get; set; }

    /// <summary>Clock for commit and file times (tests may substitute one).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
