namespace NeuroLake.Engine.Configuration;

/// <summary>
/// Storage tiers beyond a table's own store, bound from <c>NeuroLake:Storage:Tiers</c>. Both tiers live on the
/// <c>NeuroLake:Storage:S3</c> endpoint; a tier without a <see cref="TierOptions.Location"/> does not exist, and with
/// neither there is only the hot tier (the planner says so instead of planning).
/// </summary>
public sealed class TiersOptions
{
    /// <summary>Object storage's standard class, e.g. <c>s3://lake-warm/tiered</c>.</summary>
    public TierOptions Warm { get; set; } = new();

    /// <summary>The archive: another bucket or prefix (MinIO), optionally with an archive <see cref="TierOptions.StorageClass"/> (AWS).</summary>
    public TierOptions Cold { get; set; } = new() { RestoreHours = 12 };

    /// <summary>When the planner moves files.</summary>
    public TieringPlannerOptions Planner { get; set; } = new();

    /// <summary>
    /// Minutes a moved file's original stays on this disk before a later run deletes it. DuckDB reads local files in
    /// place, so a statement that resolved the file just before it moved may still open it; reads that start after the
    /// move go to the tier. Default 60 (twice the default statement timeout); 0 deletes at once.
    /// </summary>
    public int KeepLocalOriginalsMinutes { get; set; } = 60;
}

/// <summary>One tier: where its objects go, the storage class they are uploaded with, and how long a read waits for a restore.</summary>
public sealed class TierOptions
{
    /// <summary><c>s3://bucket/prefix</c> on the configured S3 endpoint; null: the tier is not configured.</summary>
    public string? Location { get; set; }

    /// <summary>
    /// The S3 storage class objects are uploaded with (e.g. <c>GLACIER_IR</c>, <c>DEEP_ARCHIVE</c> on AWS); null: the
    /// bucket's default. Classes that need a restore before a read (GLACIER, DEEP_ARCHIVE) make reads start one and fail
    /// with <see cref="RestoreHours"/> in the message.
    /// </summary>
    public string? StorageClass { get; set; }

    /// <summary>How long a restore from this tier takes, said to whoever reads an archived file. Default 0 (warm), 12 (cold).</summary>
    public double RestoreHours { get; set; }

    /// <summary>Days a restored copy stays readable before the archive takes it back. Default 7.</summary>
    public int RestoredDays { get; set; } = 7;
}

/// <summary>The tiering planner's thresholds (<c>NeuroLake:Storage:Tiers:Planner</c>).</summary>
public sealed class TieringPlannerOptions
{
    /// <summary>Days a file only older versions need has been out of the latest snapshot before it goes cold. Default 7.</summary>
    public int ColdAfterDays { get; set; } = 7;

    /// <summary>Days without a read before a table's latest files go warm. Default 30.</summary>
    public int WarmAfterDays { get; set; } = 30;

    /// <summary>Files smaller than this stay where they are (a request costs more than the bytes save). Default 0: every file.</summary>
    public long MinFileBytes { get; set; }

    /// <summary>A table whose planned moves total fewer bytes is left alone. Default 0.</summary>
    public long MinTableBytes { get; set; }

    /// <summary>Reads (statements) within <see cref="WarmAfterDays"/> that bring a table's warm files back hot. Default 3.</summary>
    public int PromoteAfterReads { get; set; } = 3;
}
