using System.Globalization;

namespace NeuroLake.Engine.Tables.Log;

internal enum LogFileKind
{
    Commit,
    ClassicCheckpoint,
    MultiPartCheckpoint,
    UuidCheckpoint,
}

/// <summary>A recognised file in <c>_delta_log</c>: commits and the three checkpoint naming schemes.</summary>
internal sealed record LogFileName(LogFileKind Kind, long Version, int Part, int Parts, string Key, long Size, DateTimeOffset LastModified)
{
    public const string LogFolder = "_delta_log/";

    public static string CommitKey(long version) => $"{LogFolder}{version:D20}.json";

    public static string CheckpointKey(long version) => $"{LogFolder}{version:D20}.checkpoint.parquet";

    public static string VersionPrefix(long version) => $"{LogFolder}{version:D20}";

    /// <summary>Recognises a listed object; other files (crc, compacted logs, temp files) give null.</summary>
    public static LogFileName? TryParse(Storage.ObjectInfo info)
    {
        var key = info.Key;
        if (!key.StartsWith(LogFolder, StringComparison.Ordinal))
        {
            return null;
        }

        var name = key.AsSpan(LogFolder.Length);
        if (name.Length < 25 || name.Contains('/') || !long.TryParse(name[..20], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return null;
        }

        var rest = name[20..];
        if (rest.SequenceEqual(".json"))
        {
            return new(LogFileKind.Commit, version, 1, 1, key, info.Size, info.LastModified);
        }

        if (rest.SequenceEqual(".checkpoint.parquet"))
        {
            return new(LogFileKind.ClassicCheckpoint, version, 1, 1, key, info.Size, info.LastModified);
        }

        if (!rest.StartsWith(".checkpoint."))
        {
            return null;
        }

        var tail = rest[".checkpoint.".Length..];
        if (tail.Length == 10 + 1 + 10 + 8 && tail.EndsWith(".parquet")
            && int.TryParse(tail[..10], NumberStyles.None, CultureInfo.InvariantCulture, out var part)
            && int.TryParse(tail[11..21], NumberStyles.None, CultureInfo.InvariantCulture, out var parts))
        {
            return new(LogFileKind.MultiPartCheckpoint, version, part, parts, key, info.Size, info.LastModified);
        }

        if (tail.EndsWith(".json") || tail.EndsWith(".parquet"))
        {
            return new(LogFileKind.UuidCheckpoint, version, 1, 1, key, info.Size, info.LastModified);
        }

        return null;
    }
}
