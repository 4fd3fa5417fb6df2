namespace NeuroLake.Engine.Metering;

/// <summary>Where bytes live. Stored as its number: append, never renumber.</summary>
public enum StorageTier
{
    /// <summary>This machine's disk (local tables).</summary>
    Hot = 0,

    /// <summary>Object storage's standard class (S3 Standard, MinIO).</summary>
    Warm = 1,

    /// <summary>Object storage's archive class.</summary>
    Cold = 2,
}
