namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>The first bytes of a text source after decompression, read in bounded chunks and never the whole file.</summary>
internal sealed record TextPrefix(byte[] Bytes, bool Complete)
{
    /// <summary>How much is read to judge the encoding and the layout.</summary>
    public const int Limit = 4 * 1024 * 1024;

    public static async Task<TextPrefix> ReadAsync(string path, SourceCompression compression, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        var stream = Decompression.Open(file, compression);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[compression == SourceCompression.None ? (int)Math.Min(Limit, file.Length) : Limit];
            var filled = 0;
            try
            {
                int read;
                while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled, Math.Min(64 * 1024, buffer.Length - filled)), ct).ConfigureAwait(false)) > 0)
                {
                    filled += read;
                }
            }
            catch (Exception e) when (Decompression.IsCorrupt(e))
            {
                throw Decompression.Corrupt(System.IO.Path.GetFileName(path), compression, e);
            }
            var complete = compression == SourceCompression.None ? filled >= file.Length : filled < Limit;
            if (compression == SourceCompression.Gzip && complete && TrailerSize(file) > filled)
            {
                throw new IngestionException($"'{System.IO.Path.GetFileName(path)}' is a truncated gzip file (it ends before the size its trailer records): upload the complete file.");
            }
            return new TextPrefix(buffer[..filled], complete);
        }
    }

    /// <summary>
    /// ISIZE, the uncompressed size a gzip trailer records. A truncated file ends in compressed bytes, which
    /// read as a size almost always larger than what decompressed; a multi-member file records only its
    /// last member, never more than the whole, so it is not mistaken for a truncated one.
    /// </summary>
    private static uint TrailerSize(FileStream file)
    {
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }

    internal static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
