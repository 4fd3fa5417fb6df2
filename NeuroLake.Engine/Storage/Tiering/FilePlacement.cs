using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Storage.Tiering;

/// <summary>
/// A table file that lives outside the table's own store: the Delta log still names it by <paramref name="Key"/>
/// (history is immutable), and reads of that key go to <paramref name="ObjectUri"/> in <paramref name="Tier"/>.
/// </summary>
/// <param name="Key">The file's key relative to the table root, as the log names it.</param>
/// <param name="ObjectUri">Where the bytes are: <c>s3://bucket/prefix/...</c>.</param>
/// <param name="Checksum">SHA-256 (hex) of the bytes, checked after the copy and before the original was deleted.</param>
/// <param name="ModifiedAt">The original's last modification, so VACUUM's age check sees the file as it was written.</param>
public sealed record FilePlacement(
    string Key, StorageTier Tier, string ObjectUri, long Size, string Checksum, string? ETag, DateTimeOffset ModifiedAt, DateTimeOffset MovedAt);
