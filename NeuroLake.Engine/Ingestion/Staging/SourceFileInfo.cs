using System.Security.Cryptography;

namespace NeuroLake.Engine.Ingestion;

/// <summary>What lineage records of a source file: its name, size and SHA-256 (of its bytes as stored).</summary>
/// <param name="FileName">The name the user gave the file (no folder).</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">SHA-256 of its bytes, 64 lowercase hex digits.</param>
public sealed record SourceFileInfo(string FileName, long Size, string Sha256)
{
    private const int BufferBytes = 1 << 20;

    /// <summary>Reads <paramref name="path"/> once, a buffer at a time, to hash it; <paramref name="fileName"/> defaults to the file's own name.</summary>
    public static async Task<SourceFileInfo> ComputeAsync(string path, string? fileName = null, CancellationToken ct = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var sha = await SHA256.HashDataAsync(file, ct).ConfigureAwait(false);
        return new SourceFileInfo(fileName ?? Path.GetFileName(path), file.Length, Convert.ToHexStringLower(sha));
    }
}
