using Apache.Arrow.C;
using Apache.Arrow.Compression;
using Apache.Arrow.Ipc;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>
/// Turns an Arrow IPC file or stream into a Parquet copy beside it, so the rest of ingestion (sampling, profiling,
/// type checks, loading) reads it as it reads any Parquet upload. Apache.Arrow reads one record batch at a time (LZ4
/// and zstd buffers included), checks it (<see cref="ArrowBatchCheck"/>) and hands it to DuckDB through the Arrow C
/// stream interface; DuckDB writes the Parquet as the batches arrive, so the file is never held whole in memory.
/// </summary>
internal static unsafe class ArrowParquetCopy
{
    /// <summary>The folder beside the original that holds the copies.</summary>
    public const string CopyFolder = ".parquet";

    private static readonly CompressionCodecFactory Codecs = new();

    /// <summary>Writes the Parquet copy of <paramref name="path"/> and returns its path; a failed copy is deleted.</summary>
    /// <exception cref="IngestionException">The file is not readable Arrow, or holds a type DuckDB cannot store.</exception>
    public static string Write(DuckDbConnection connection, string path, ArrowLayout layout, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(path)!, CopyFolder)).FullName;
        var copy = Path.Combine(folder, name + ".parquet");
        var stream = CArrowArrayStream.Create();
        var view = "arrow_upload_" + Guid.NewGuid().ToString("N");
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
            using var reader = layout == ArrowLayout.IpcFile ? new ArrowFileReader(file, allocator: null, compressionCodecFactory: Codecs, leaveOpen: true)
                : new ArrowStreamReader(file, allocator: null, compressionCodecFactory: Codecs, leaveOpen: true);
            // Read and checked here, so a damaged footer or schema fails in .NET with a message, never inside DuckDB.
            if (layout == ArrowLayout.IpcFile)
            {
                ((ArrowFileReader)reader).RecordBatchCountAsync().AsTask().GetAwaiter().GetResult();
            }
            _ = reader.Schema ?? throw new InvalidDataException("the file holds no schema");
            CArrowArrayStreamExporter.ExportArrayStream(new CheckedArrowStream(reader, name), stream);
            DuckDbArrowScan.Register(connection, view, (IntPtr)stream);
            try
            {
                connection.ExecuteNonQuery($"COPY (SELECT * FROM {view}) TO {SqlText.Literal(copy)} (FORMAT parquet, COMPRESSION zstd)", ct);
            }
            finally
            {
                connection.Execute($"DROP VIEW IF EXISTS {view}");
            }
            return copy;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            File.Delete(copy);
            throw new IngestionException(
                $"'{name}' is {FileSignature.Describe(layout)} that could not be read ({TextPrefix.FirstLine(Redacted(e.Message, path, copy))}): " +
                "upload the complete file, or convert it to Parquet and upload that.", e);
        }
        catch
        {
            File.Delete(copy);
            throw;
        }
        finally
        {
            // Releases the exported stream (DuckDB never does) before freeing it.
            CArrowArrayStream.Free(stream);
        }
    }

    // DuckDB's COPY errors name the target file; messages never show server paths.
    private static string Redacted(string message, string path, string copy) =>
        message.Replace(copy, Path.GetFileName(copy), StringComparison.Ordinal).Replace(path, Path.GetFileName(path), StringComparison.Ordinal);
}
