using System.Globalization;
using System.Text.Json;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Tables.Writes;

/// <summary>
/// Writes a query's rows as Parquet data files with DuckDB (ZSTD, target file size, Hive-style partition folders),
/// then builds add actions: partition values from the folder names DuckDB chose, statistics from the footers it wrote.
/// Files are written straight into a local table's folder, or staged locally and uploaded for a remote store; until
/// committed they are unreferenced (VACUUM removes them).
/// </summary>
internal static class DataFileWriter
{
    private const string HiveNull = "__HIVE_DEFAULT_PARTITION__";

    /// <param name="prefix">A folder of the table the files go to (OPTIMIZE writes into a partition's folder); empty: the table root.</param>
    public static async Task<WrittenFiles> WriteAsync(
        DuckDbDatabase duckDb, IObjectStore store, StructType schema, IReadOnlyList<string> partitionColumns, string query, long targetFileSize, CancellationToken ct,
        string prefix = "")
    {
        // Local stores: DuckDB writes straight into the table folder. Remote stores: into a private staging folder,
        // uploaded file by file afterwards (DuckDB cannot write to S3 here).
        var remote = store.GetLocalPath("") is null;
        var root = remote ? Path.Combine(LocalStaging.Root, "write-" + Guid.NewGuid().ToString("N")) : store.GetLocalPath(prefix)!;
        Directory.CreateDirectory(root);
        try
        {
            var rootStore = remote || prefix.Length > 0 ? new LocalObjectStore(root) : store;
            var chunks = await WriteLocallyAsync(duckDb, rootStore, root, store.Location, schema, partitionColumns, query, targetFileSize, ct).ConfigureAwait(false);
            var dataSchema = new StructType(schema.Fields.Where(f => !partitionColumns.Contains(f.Name, StringComparer.OrdinalIgnoreCase)).ToList());
            var files = new List<AddFile>();
            long rows = 0, bytes = 0;
            foreach (var file in chunks.GroupBy(c => c.FileName).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(root, file.Key).Replace(Path.DirectorySeparatorChar, '/');
                var key = prefix.Length == 0 ? relative : prefix.TrimEnd('/') + "/" + relative;
                var info = remote
                    ? await UploadAsync(store, key, file.Key, ct).ConfigureAwait(false)
                    : await store.GetInfoAsync(key, ct).ConfigureAwait(false) ?? throw new ObjectNotFoundException(store.Location, key);
                var (numRecords, stats) = FileStatistics.Build(file.ToList(), dataSchema);
                files.Add(new AddFile(
                    FilePaths.ToUri(key),
                    PartitionValues(relative, schema, partitionColumns),
                    info.Size,
                    info.LastModified.ToUnixTimeMilliseconds(),
                    DataChange: true,
                    Stats: stats));
                rows += numRecords;
                bytes += info.Size;
            }

            return new WrittenFiles(files, rows, bytes);
        }
        finally
        {
            if (remote)
            {
                TryDeleteFolder(root);
            }
        }
    }

    /// <summary>DuckDB writes the rows under <paramref name="root"/>; returns the footers of the files it wrote.</summary>
    private static async Task<List<ParquetColumnStats>> WriteLocallyAsync(
        DuckDbDatabase duckDb, IObjectStore rootStore, string root, string location, StructType schema, IReadOnlyList<string> partitionColumns, string query, long targetFileSize, CancellationToken ct)
    {
        using var connection = duckDb.ConnectTracked();
        connection.UseUtc();
        var select = CastToSchema(connection, schema, query);
        var writeId = Guid.NewGuid().ToString("N");
        var fileSize = Math.Max(1024 * 1024, targetFileSize);
        // DuckDB cannot split partitioned output by size: partitioned writes get one file per partition and thread,
        // and the files that came out larger than the target are split afterwards.
        var layout = partitionColumns.Count > 0
            ? $"PARTITION_BY ({string.Join(", ", partitionColumns.Select(Sql.Quote))})"
            : $"FILE_SIZE_BYTES {fileSize}";
        try
        {
            connection.ExecuteNonQuery(
                $"COPY ({select}) TO {Sql.Literal(root)} (FORMAT parquet, COMPRESSION zstd, {FileNamePattern(writeId)}, APPEND true, {layout})", ct);
            if (partitionColumns.Count > 0)
            {
                await OversizedFileSplitter.SplitAsync(connection, rootStore, root, FileGlob(root, writeId), FileNamePattern(writeId), fileSize, ct).ConfigureAwait(false);
            }
        }
        catch (DuckDbException e)
        {
            DeleteWritten(root, writeId);
            throw new InvalidTableOperationException($"Writing the query's rows to '{location}' failed: {e.Message}", e);
        }
        catch (OperationCanceledException)
        {
            DeleteWritten(root, writeId);
            throw;
        }

        return ReadFooters(connection, root, writeId);
    }

    /// <summary>
    /// Uploads a staged file (in parts when large) and hands it to the store's cache, so reading it back needs no
    /// download. Until the commit the object is unreferenced: a crash now leaves only what VACUUM removes.
    /// </summary>
    private static async Task<ObjectInfo> UploadAsync(IObjectStore store, string key, string file, CancellationToken ct)
    {
        await using (var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
        {
            await store.PutAsync(key, content, ct).ConfigureAwait(false);
        }

        var info = await store.GetInfoAsync(key, ct).ConfigureAwait(false) ?? throw new ObjectNotFoundException(store.Location, key);
        store.Cache?.Adopt(store.Location, key, file, info);
        return info;
    }

    /// <summary>
    /// The files a failed or cancelled write had finished: nothing references them, and a load that retries the write
    /// (<c>TypedCsvRead</c>) would otherwise leave a copy of its rows behind each time until VACUUM.
    /// </summary>
    private static void DeleteWritten(string root, string writeId)
    {
        foreach (var file in Directory.EnumerateFiles(root, $"*{writeId}*", SearchOption.AllDirectories))
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Left unreferenced, for VACUUM.
            }
        }
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Staging left behind is removed by the scratch cleanup job.
        }
    }

    /// <summary>SELECT that casts the query's columns to the table schema by name; missing nullable columns become NULL.</summary>
    private static string CastToSchema(DuckDbConnection connection, StructType schema, string query)
    {
        var columns = QuerySchema.Describe(connection, query);
        foreach (var (name, _) in columns)
        {
            if (schema.Find(name) is null)
            {
                throw new InvalidTableOperationException(
                    $"The query returns the column '{name}', which the table does not have (columns: {string.Join(", ", schema.Fields.Select(f => f.Name))}). Drop or rename it in the query.");
            }
        }

        var list = schema.Fields.Select(field =>
        {
            var source = columns.FirstOrDefault(c => string.Equals(c.Name, field.Name, StringComparison.OrdinalIgnoreCase)).Name;
            if (source is null && !field.Nullable)
            {
                throw new InvalidTableOperationException($"The query does not return the column '{field.Name}', which the table requires (NOT NULL).");
            }

            var value = source is null ? "NULL" : $"q.{Sql.Quote(source)}";
            return $"CAST({value} AS {DuckDbTypes.ToDuckDb(field.Type)}) AS {Sql.Quote(field.Name)}";
        });
        return $"SELECT {string.Join(", ", list)} FROM ({query}) AS q";
    }

    private static List<ParquetColumnStats> ReadFooters(DuckDbConnection connection, string root, string writeId)
    {
        var glob = FileGlob(root, writeId);
        try
        {
            return DuckDbRows.QueryJson(connection,
                    $"SELECT file_name, row_group_id, row_group_num_rows, path_in_schema, stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata({Sql.Literal(glob)})")
                .Select(line =>
                {
                    using var doc = JsonDocument.Parse(line);
                    var r = doc.RootElement;
                    return new ParquetColumnStats(
                        r.GetProperty("file_name").GetString()!,
                        r.GetProperty("row_group_id").GetInt64(),
                        r.GetProperty("row_group_num_rows").GetInt64(),
                        r.GetProperty("path_in_schema").GetString()!,
                        r.GetProperty("stats_min_value").GetString(),
                        r.GetProperty("stats_max_value").GetString(),
                        r.GetProperty("stats_null_count").ValueKind == JsonValueKind.Null ? null : r.GetProperty("stats_null_count").GetInt64());
                })
                .ToList();
        }
        catch (DuckDbException e) when (e.Message.Contains("No files found", StringComparison.Ordinal))
        {
            return [];
        }
    }

    private static string FileNamePattern(string writeId) => $"FILENAME_PATTERN 'part-{{i}}-{writeId}-{{uuid}}'";

    private static string FileGlob(string root, string writeId) => Path.Combine(root, "**", $"part-*-{writeId}-*.parquet");

    private static Dictionary<string, string?> PartitionValues(string key, StructType schema, IReadOnlyList<string> partitionColumns)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (partitionColumns.Count == 0)
        {
            return values;
        }

        foreach (var segment in key.Split('/')[..^1])
        {
            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var name = Uri.UnescapeDataString(segment[..eq]);
            var column = partitionColumns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                continue;
            }

            var raw = segment[(eq + 1)..];
            var text = raw == HiveNull ? null : Uri.UnescapeDataString(raw);
            values[column] = FileStatistics.PartitionValue(schema.Find(column)!.Type, text);
        }

        foreach (var column in partitionColumns)
        {
            if (!values.ContainsKey(column))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"DuckDB wrote '{key}' without a folder for the partition column '{column}'."));
            }
        }

        return values;
    }
}
