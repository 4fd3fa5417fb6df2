namespace NeuroLake.Web.Uploads;

/// <summary>A file uploaded to the staging folder, waiting to be loaded.</summary>
/// <param name="Id">The upload id the browser got back (32 hex digits).</param>
/// <param name="FileName">The sanitized file name it was stored under.</param>
/// <param name="Size">Bytes received.</param>
/// <param name="Path">Full path of the stored file.</param>
/// <param name="UploadedAt">When the upload finished.</param>
/// <param name="Owner">The user who uploaded it; null for an upload staged before uploads had owners (listed to nobody).</param>
/// <param name="Sha256">The file's SHA-256 (lowercase hex), computed while it streamed in; null for such an older upload.</param>
/// <param name="ExpiresAt">When it is removed unless loaded before.</param>
public sealed record UploadedFile(
    string Id, string FileName, long Size, string Path, DateTimeOffset UploadedAt, string? Owner, string? Sha256, DateTimeOffset ExpiresAt);
