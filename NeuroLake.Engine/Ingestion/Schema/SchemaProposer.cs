using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Ingestion.Schema;

/// <summary>Proposes clean names, types and nullability for a detected source from a sample of its rows.</summary>
public static class SchemaProposer
{
    public const int DefaultPreviewRows = 20;

    /// <summary>Detects <paramref name="path"/> and proposes its schema from the default sample: the wizard's first step in one call.</summary>
    /// <exception cref="IngestionException">The file cannot be read as it is; the message says what to change.</exception>
    /// <param name="encoding">The encoding to read text with instead of detecting it; null (default) detects it.</param>
    /// <param name="nesting">Whether nested JSON objects stay STRUCT (default) or are flattened to columns.</param>
    /// <param name="sheet">The Excel sheet to read; null (default) reads the first sheet with rows.</param>
    public static async Task<ProposedSchema> ProposeFileAsync(
        DuckDbConnection connection, string path, IngestionProgress? progress = null, Detection.EncodingChoice? encoding = null, CancellationToken ct = default,
        Detection.JsonNesting nesting = Detection.JsonNesting.Struct, string? sheet = null)
    {
        var source = await Detection.SourceDetector.DetectAsync(connection, path, progress, encoding, nesting, sheet, ct).ConfigureAwait(false);
        try
        {
            using var sample = SourceSample.Create(connection, source, ct: ct);
            return Propose(connection, sample, source, ct: ct);
        }
        catch
        {
            source.DeleteTranscodedCopy();
            throw;
        }
    }

    public static ProposedSchema Propose(DuckDbConnection connection, SourceSample sample, Detection.DetectedSource source, int previewRows = DefaultPreviewRows, CancellationToken ct = default)
    {
        var probe = ColumnProbe.Run(connection, sample.TableName, source, ct);
        var names = ColumnNameCleaner.Clean(source.Columns.Select(c => c.Name).ToList());
        var columns = new List<ProposedColumn>(source.Columns.Count);
        for (var i = 0; i < source.Columns.Count; i++)
        {
            var (type, parse, note) = TypeInference.Decide(source, i, probe);
            // An empty sample proves nothing, so its columns stay nullable.
            var nullable = probe.Rows == 0 || probe.Count(i, "n") < probe.Rows;
            columns.Add(new ProposedColumn(names[i], source.Columns[i].Name, source.Columns[i], type, nullable, parse, note));
        }
        var (previewNames, preview) = Preview(connection, SourceSelect.Build(columns, sample.TableName), previewRows, ct);
        return new ProposedSchema(source, columns, previewNames, preview, sample.RowCount, sample.CoversSource);
    }

    private static (IReadOnlyList<string>, IReadOnlyList<IReadOnlyList<object?>>) Preview(DuckDbConnection connection, string select, int rows, CancellationToken ct)
    {
        using var reader = connection.ExecuteReader($"SELECT * FROM ({select}) LIMIT {Math.Max(rows, 0)}", ct);
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var result = new List<IReadOnlyList<object?>>();
        while (reader.Read())
        {
            result.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray());
        }
        return (names, result);
    }
}
