namespace NeuroLake.Engine.Configuration;

/// <summary>Table storage settings, bound from <c>NeuroLake:Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>
    /// How commits on S3 stores are made exclusive. Default <see cref="CommitCoordination.Auto"/>: probe each endpoint and
    /// bucket once and use conditional create where the store honours it, the catalog database otherwise.
    /// </summary>
    public CommitCoordination Commits { get; set; } = CommitCoordination.Auto;

    /// <summary>The S3-compatible object store tables may live in (<c>s3://bucket/prefix</c> locations).</summary>
    public S3Options S3 { get; set; } = new();

    /// <summary>The local file cache remote tables are read through.</summary>
    public FileCacheOptions Cache { get; set; } = new();

    /// <summary>Where files move when they leave the table's own store (warm, cold), and when the tiering planner moves them.</summary>
    public TiersOptions Tiers { get; set; } = new();
}

/// <summary>How a commit file is created only if absent on an object store.</summary>
public enum CommitCoordination
{
    /// <summary>Probe the store once: conditional create when it honours <c>If-None-Match: *</c>, the coordinator otherwise.</summary>
    Auto,

    /// <summary>Always a conditional PUT (<c>If-None-Match: *</c>). Only safe on stores that honour it (AWS S3, MinIO).</summary>
    ConditionalCreate,

    /// <summary>Always the catalog database: a unique row per (table location, log key) is written before the log object.</summary>
    Coordinator,
}

/// <summary>
/// An S3-compatible endpoint, bound from <c>NeuroLake:Storage:S3</c> (environment variables
/// <c>NeuroLake__Storage__S3__ServiceUrl</c>, <c>__Bucket</c>, <c>__AccessKey</c>, <c>__SecretKey</c>, <c>__ForcePathStyle</c>).
/// </summary>
public sealed class S3Options
{
    /// <summary>Endpoint URL, e.g. <c>http://minio:9000</c>. Null: AWS S3 in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Region requests are signed for. Default <c>us-east-1</c> (what MinIO and most S3-compatible stores expect).</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The default bucket (the warehouse's when <c>NeuroLake:Warehouse</c> names none).</summary>
    public string? Bucket { get; set; }

    /// <summary>Access key id. Null with <see cref="SecretKey"/> null: the SDK's default credential chain (environment, profile, instance role).</summary>
    public string? AccessKey { get; set; }

    /// <summary>Secret access key; set together with <see cref="AccessKey"/>.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Address buckets as <c>endpoint/bucket/key</c> instead of <c>bucket.endpoint/key</c>. Needed by MinIO and most self-hosted stores. Default false.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>
    /// Objects larger than this are uploaded in parts of this size, one part in memory at a time (S3's minimum is 5 MiB;
    /// at most 10,000 parts, so 8 MiB parts allow objects up to 78 GiB). Default 8 MiB.
    /// </summary>
    public int PartSizeBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Attempts per request on transient errors (5xx, throttling, timeouts), with exponential backoff and jitter. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Backoff before the second attempt; doubled per attempt up to <see cref="MaxRetryDelay"/>. Default 200 ms.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest backoff between attempts. Default 10 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one request may take before it counts as a transient failure. Default 2 minutes.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
