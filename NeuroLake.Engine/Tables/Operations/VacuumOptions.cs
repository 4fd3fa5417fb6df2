namespace NeuroLake.Engine.Tables.Operations;

/// <summary>What VACUUM does; the defaults delete files past the table's retention (7 days unless the table says otherwise).</summary>
public sealed record VacuumOptions
{
    /// <summary>RETAIN n HOURS: the retention window. Null: <c>delta.deletedFileRetentionDuration</c>, else 7 days.</summary>
    public double? RetainHours { get; init; }

    /// <summary>DRY RUN: list the files and bytes VACUUM would delete, and delete nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Allows <see cref="RetainHours"/> shorter than the table's retention (Delta's retentionDurationCheck disabled).
    /// Time travel to versions older than the shorter window, and concurrent writers older than it, may then fail.
    /// </summary>
    public bool AllowShortRetention { get; init; }
}

/// <summary>A file VACUUM deleted (or would delete, in a dry run): its key below the table root and its size.</summary>
public sealed record VacuumedFile(string Key, long Size);

/// <summary>VACUUM's outcome: the files deleted (or that would be), their bytes, and the retention used.</summary>
public sealed record VacuumResult(IReadOnlyList<VacuumedFile> Files, long Bytes, bool DryRun, TimeSpan Retention, DateTimeOffset Cutoff);
