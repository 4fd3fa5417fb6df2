using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Tables.Actions;

namespace NeuroLake.Engine.Tables.Log;

/// <summary>
/// Reads the add actions of a checkpoint as typed columns (the struct unnested by DuckDB), which avoids a JSON
/// round trip for what is nearly all of a large checkpoint. Fields a writer did not include are simply absent.
/// </summary>
internal static class CheckpointAddReader
{
    /// <summary>
    /// One scan: each row yields either an add (typed columns) or, for every other action, the row as JSON text
    /// (<paramref name="otherRows"/>), parsed like a commit line.
    /// </summary>
    public static List<AddFile> Read(DuckDbConnection connection, string fileList, List<byte[]> otherRows)
    {
        using var reader = connection.ExecuteReader(
            $"SELECT CASE WHEN nl_row.\"add\" IS NULL THEN CAST(to_json(nl_row) AS VARCHAR) END AS nl_other, unnest(nl_row.\"add\") FROM read_parquet({fileList}, union_by_name = true) AS nl_row");
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        int Find(string name) => Array.IndexOf(names, name);
        var (path, partitionValues, size, modificationTime, dataChange, stats, tags, deletionVector, baseRowId, defaultRowCommitVersion, clusteringProvider) =
            (Find("path"), Find("partitionValues"), Find("size"), Find("modificationTime"), Find("dataChange"), Find("stats"), Find("tags"), Find("deletionVector"), Find("baseRowId"), Find("defaultRowCommitVersion"), Find("clusteringProvider"));
        if (path < 0 || size < 0)
        {
            throw new ActionFormatException("the checkpoint's add column lacks path or size");
        }

        var files = new List<AddFile>();
        while (reader.Read())
        {
            if (!reader.IsDBNull(0))
            {
                otherRows.Add(System.Text.Encoding.UTF8.GetBytes(reader.GetString(0)));
                continue;
            }

            if (reader.IsDBNull(path))
            {
                continue;
            }

            files.Add(new AddFile(
                reader.GetString(path),
                Map(reader, partitionValues) ?? new Dictionary<string, string?>(),
                Long(reader, size) ?? throw new ActionFormatException("an add action in the checkpoint has no size"),
                Long(reader, modificationTime) ?? 0,
                dataChange < 0 || reader.IsDBNull(dataChange) || Convert.ToBoolean(reader.GetValue(dataChange), System.Globalization.CultureInfo.InvariantCulture),
                stats >= 0 && !reader.IsDBNull(stats) ? reader.GetString(stats) : null,
                Map(reader, tags),
                DeletionVector(reader, deletionVector),
                Long(reader, baseRowId),
                Long(reader, defaultRowCommitVersion),
                clusteringProvider >= 0 && !reader.IsDBNull(clusteringProvider) ? reader.GetString(clusteringProvider) : null));
        }

        return files;
    }

    private static long? Long(DuckDbDataReader reader, int ordinal) =>
        ordinal < 0 || reader.IsDBNull(ordinal) ? null : Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string?>? Map(DuckDbDataReader reader, int ordinal)
    {
        if (ordinal < 0 || reader.IsDBNull(ordinal) || reader.GetValue(ordinal) is not System.Collections.IDictionary map)
        {
            return null;
        }

        var result = new Dictionary<string, string?>(map.Count, StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in map)
        {
            result[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture)!] = entry.Value?.ToString();
        }

        return result;
    }

    private static DeletionVectorDescriptor? DeletionVector(DuckDbDataReader reader, int ordinal)
    {
        if (ordinal < 0 || reader.IsDBNull(ordinal) || reader.GetValue(ordinal) is not Dictionary<string, object?> dv || dv.GetValueOrDefault("storageType") is null)
        {
            return null;
        }

        return new DeletionVectorDescriptor(
            dv["storageType"]?.ToString() ?? "",
            dv.GetValueOrDefault("pathOrInlineDv")?.ToString() ?? "",
            dv.GetValueOrDefault("offset") is { } offset ? Convert.ToInt32(offset, System.Globalization.CultureInfo.InvariantCulture) : null,
            Convert.ToInt32(dv.GetValueOrDefault("sizeInBytes") ?? 0, System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt64(dv.GetValueOrDefault("cardinality") ?? 0L, System.Globalization.CultureInfo.InvariantCulture));
    }
}
