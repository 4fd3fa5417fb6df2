using System.IO.Compression;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>The first bytes of a text source after decompression, read in bounded chunks and never the whole file.</summary>
internal sealed record TextPrefix(byte[] Bytes, bool Complete)
{
    /// <summary>How much is read to judge the encoding and the layout.</summary>
    public const int Limit = 4 * 1024 * 1024;

    public static async Task<TextPrefix> ReadAsync(string path, SourceCompression compression, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        Stream stream = compression == SourceCompression.Gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
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
            catch (InvalidDataException e)
            {
                throw new IngestionException($"'{System.IO.Path.GetFileName(path)}' is not a readable gzip file ({e.Message}): upload the complete, uncorrupted file.", e);
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

    /// <summary>
    /// The first lines of a zstd-compressed text, decompressed by DuckDB (.NET has no zstd decoder);
    /// a UTF-8 failure there means the text is Latin-1.
    /// </summary>
    public static TextPrefix ReadZstdLines(DuckDbConnection connection, string path, CancellationToken ct, out TextEncoding encoding)
    {
        encoding = TextEncoding.Utf8;
        try
        {
            return new TextPrefix(Lines(connection, path, "utf-8", ct), Complete: false);
        }
        catch (DuckDbException e) when (e.Message.Contains("unicode", StringComparison.OrdinalIgnoreCase))
        {
            encoding = TextEncoding.Latin1;
            return new TextPrefix(Lines(connection, path, "latin-1", ct), Complete: false);
        }
        catch (DuckDbException e)
        {
            throw new IngestionException($"'{System.IO.Path.GetFileName(path)}' is not a readable zstd file ({FirstLine(e.Message)}): upload the complete, uncorrupted file.", e);
        }
    }

    /// <summary>The lines of a zstd-compressed text as DuckDB decompresses them, one VARCHAR column <c>line</c>.</summary>
    internal static string ZstdLinesSql(string path, string encoding) =>
        // One column per line: a delimiter and quote that text never holds.
        $"SELECT line FROM read_csv({SqlText.Literal(path)}, compression = 'zstd', encoding = {SqlText.Literal(encoding)}, " +
        "auto_detect = false, header = false, delim = '\u0001', quote = '', escape = '', columns = {'line': 'VARCHAR'}, " +
        $"max_line_size = {CsvDialect.MaxLineBytes}, buffer_size = {CsvDialect.ReadBufferBytes})";

    private static byte[] Lines(DuckDbConnection connection, string path, string encoding, CancellationToken ct)
    {
        var sql = ZstdLinesSql(path, encoding) + " LIMIT 200";
        var text = new System.Text.StringBuilder();
        using var reader = connection.ExecuteReader(sql, ct);
        while (reader.Read() && text.Length < Limit)
        {
            text.Append(reader.IsDBNull(0) ? "" : reader.GetString(0)).Append('\n');
        }
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    internal static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
