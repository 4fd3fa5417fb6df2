using System.IO.Compression;
using System.Text;

namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>
/// Streams a UTF-16 file (plain, gzip- or zstd-compressed) into a UTF-8 copy a buffer at a time, so DuckDB, which reads
/// UTF-16 little-endian with a BOM only, can read every byte order.
/// </summary>
internal static class Utf16Transcoder
{
    /// <summary>The folder beside the original that holds the copies.</summary>
    public const string CopyFolder = ".utf-8";

    private const int BufferBytes = 1 << 20;

    /// <summary>Writes the UTF-8 copy of <paramref name="path"/> and returns its path; a failed copy is deleted.</summary>
    /// <exception cref="IngestionException">The text ends in half a character or holds an unpaired surrogate.</exception>
    public static async Task<string> ToUtf8Async(string path, SourceCompression compression, Utf16Text encoding, CancellationToken ct)
    {
        var name = System.IO.Path.GetFileName(path);
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, CopyFolder)).FullName;
        // The copy is plain text; DuckDB would otherwise infer gzip or zstd from the extension.
        var copy = System.IO.Path.Combine(folder, FileSignature.WithoutCompressionSuffix(name));
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
            var input = Decompression.Open(file, compression);
            await using (input.ConfigureAwait(false))
            await using (var output = new FileStream(copy, FileMode.Create, FileAccess.Write, FileShare.None, 1, useAsync: true))
            {
                await CopyAsync(input, output, encoding, name, ct).ConfigureAwait(false);
            }
            return copy;
        }
        catch (Exception e) when (Decompression.IsCorrupt(e))
        {
            File.Delete(copy);
            throw Decompression.Corrupt(name, compression, e);
        }
        catch (DecoderFallbackException e)
        {
            File.Delete(copy);
            throw new IngestionException($"'{name}' is not valid {encoding.Name} text ({e.Message}): save it again as UTF-8 or UTF-16 and upload it again.", e);
        }
        catch
        {
            File.Delete(copy);
            throw;
        }
    }

    private static async Task CopyAsync(Stream input, Stream output, Utf16Text encoding, string name, CancellationToken ct)
    {
        var decoder = encoding.NewDecoder();
        var utf8 = new UTF8Encoding(false).GetEncoder();
        var bytes = new byte[BufferBytes];
        var chars = new char[BufferBytes];
        var encoded = new byte[Encoding.UTF8.GetMaxByteCount(BufferBytes)];
        long total = 0;
        var first = true;
        int read;
        while ((read = await input.ReadAsync(bytes, ct).ConfigureAwait(false)) > 0)
        {
            total += read;
            var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            var start = first && count > 0 && chars[0] == '\uFEFF' ? 1 : 0;
            first &= count == 0;
            var length = utf8.GetBytes(chars, start, count - start, encoded, 0, flush: false);
            await output.WriteAsync(encoded.AsMemory(0, length), ct).ConfigureAwait(false);
        }
        if (total % 2 != 0)
        {
            throw new IngestionException(
                $"'{name}' is {encoding.Name} text with an odd number of bytes, so its last character is cut off: upload the complete file.");
        }
        var tail = decoder.GetChars([], 0, 0, chars, 0, flush: true);
        var last = utf8.GetBytes(chars, 0, tail, encoded, 0, flush: true);
        await output.WriteAsync(encoded.AsMemory(0, last), ct).ConfigureAwait(false);
    }
}
