using System.Globalization;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;

namespace NeuroLake.Engine.Tables.Writes;

/// <summary>
/// Brings files of a partitioned write down to the target size: DuckDB's <c>PARTITION_BY</c> cannot rotate files by
/// size, so each file above the target is rewritten into target-sized files in its own partition folder and removed.
/// Only oversized files pay the second write; the files are not committed yet, so removing them is safe.
/// </summary>
internal static class OversizedFileSplitter
{
    private const long MinRowGroupSize = 2048;

    public static async Task SplitAsync(
        DuckDbConnection connection, IObjectStore store, string root, string glob, string fileNamePattern, long targetFileSize, CancellationToken ct)
    {
        foreach (var path in WrittenFiles(connection, glob))
        {
            var key = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            var info = await store.GetInfoAsync(key, ct).ConfigureAwait(false);
            if (info is null || info.Size <= targetFileSize)
            {
                continue;
            }

            // DuckDB rotates files only between row groups: size the groups so about four fill a target-sized file.
            var rows = Convert.ToInt64(connection.ExecuteScalar($"SELECT num_rows FROM parquet_file_metadata({Sql.Literal(path)})", ct), CultureInfo.InvariantCulture);
            var rowGroupSize = Math.Max(MinRowGroupSize, (long)(rows * (targetFileSize / 4.0) / info.Size));
            var folder = Path.GetDirectoryName(path)!;
            connection.ExecuteNonQuery(
                $"COPY (SELECT * FROM read_parquet({Sql.Literal(path)}, hive_partitioning = false)) TO {Sql.Literal(folder)} " +
                $"(FORMAT parquet, COMPRESSION zstd, {fileNamePattern}, APPEND true, FILE_SIZE_BYTES {targetFileSize}, ROW_GROUP_SIZE {rowGroupSize})", ct);
            await store.DeleteAsync(key, ct).ConfigureAwait(false);
        }
    }

    private static List<string> WrittenFiles(DuckDbConnection connection, string glob)
    {
        var files = new List<string>();
        using var reader = connection.ExecuteReader($"SELECT file FROM glob({Sql.Literal(glob)}) ORDER BY file");
        while (reader.Read())
        {
            files.Add(reader.GetString(0));
        }

        return files;
    }
}
