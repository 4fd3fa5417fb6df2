namespace NeuroLake.Engine.Backup;

/// <summary>
/// Keys of a backup repository (a folder or an S3 prefix):
/// <c>objects/ab/abcdef…</c> holds each distinct file once under the SHA-256 of its original bytes (zstd-compressed for
/// JSON, as-is for Parquet); <c>sets/&lt;id&gt;.manifest.json.zst</c> is a set's manifest, written last, so a set without one
/// never happened; <c>sets/&lt;id&gt;.verify.json</c> is the latest verify result.
/// </summary>
internal static class RepositoryLayout
{
    public const string SetsPrefix = "sets/";

    public const string ObjectsPrefix = "objects/";

    public const string ManifestSuffix = ".manifest.json.zst";

    public static string ObjectKey(string sha256) => $"{ObjectsPrefix}{sha256[..2]}/{sha256}";

    public static string ManifestKey(string setId) => $"{SetsPrefix}{setId}{ManifestSuffix}";

    public static string VerifyKey(string setId) => $"{SetsPrefix}{setId}.verify.json";

    /// <summary>Log JSON (commits, the catalog export) compresses well; Parquet is compressed already.</summary>
    public static bool Compresses(string path) => path.EndsWith(".json", StringComparison.Ordinal);
}
