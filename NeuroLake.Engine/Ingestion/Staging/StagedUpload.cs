using System.Security.Cryptography;

namespace NeuroLake.Engine.Ingestion;

/// <summary>
/// Copies an upload into the staging folder a buffer at a time, hashing it on the way (so lineage gets its SHA-256
/// without a second read) and reporting <see cref="IngestionPhase.Upload"/> progress. A failed or cancelled copy
/// deletes the partial file.
/// </summary>
public static class StagedUpload
{
    private const int BufferBytes = 1 << 20;

    /// <param name="body">The upload; read to its end, not disposed.</param>
    /// <param name="destination">The staging file to create (an existing one is replaced).</param>
    /// <param name="fileName">The name the user gave the file, recorded in lineage.</param>
    /// <param name="length">The upload's length when the sender told it (e.g. Content-Length), for the percent.</param>
    /// <param name="progress">Where to report bytes copied; null for none.</param>
    public static async Task<SourceFileInfo> CopyAsync(
        Stream body, string destination, string fileName, long? length = null, IngestionProgress? progress = null, CancellationToken ct = default)
    {
        progress?.Begin(IngestionPhase.Upload, length);
        var buffer = new byte[BufferBytes];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long copied = 0;
        try
        {
            await using (var file = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                    copied += read;
                    progress?.ReportBytes(copied);
                }
            }
        }
        catch
        {
            File.Delete(destination);
            throw;
        }

        return new SourceFileInfo(fileName, copied, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
