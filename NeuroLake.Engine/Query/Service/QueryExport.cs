using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Streams a query's whole result to a caller's stream: DuckDB writes the file (COPY ... TO a scratch file, which it
/// does in bounded memory at any size), the file is copied to the stream and always deleted.
/// </summary>
internal sealed class QueryExport(TableResolver resolver, DuckDbDatabase duckDb, QueryScratch scratch)
{
    private const int CopyBufferSize = 1 << 16;

    public async Task<(ExportResult Result, IReadOnlyList<TableVersion> Read)> RunAsync(
        StatementAnalysis analysis, QueryRequest request, ExportFormat format, Stream destination, CancellationToken ct)
    {
        if (analysis.Kind != StatementKind.Query)
        {
            throw new QueryRefusedException(
                $"Export runs one query (SELECT, WITH, VALUES, optionally with VERSION AS OF / TIMESTAMP AS OF); this statement is {analysis.Kind}. Run writes with ExecuteAsync.");
        }

        var (sql, read) = await resolver.RewriteAsync(analysis, request, ct);
        var file = scratch.NewExportFile(format.ToString().ToLowerInvariant());
        try
        {
            var rows = await Task.Run(() => Write(sql, file, format, ct), ct);
            request.Progress?.Enter("copying");
            await using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await source.CopyToAsync(destination, CopyBufferSize, ct);
            return (new ExportResult(rows, source.Length), read);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private long Write(string sql, string file, ExportFormat format, CancellationToken ct)
    {
        using var connection = duckDb.ConnectTracked();
        connection.UseUtc();
        // DuckDB's parser must read the query alone as one SELECT before it is wrapped, and the wrapper as one COPY.
        connection.EnsureStatement(sql, ReadOnlyStatements.Query);
        // The query sits on lines of its own so a trailing line comment cannot swallow the closing parenthesis.
        var copy = $"COPY (\n{sql}\n) TO '{file.Replace("'", "''", StringComparison.Ordinal)}' ({Options(format)})";
        using var reader = connection.ExecuteCheckedReader(copy, ReadOnlyStatements.Copy, ct);
        return reader.Read() ? Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static string Options(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "FORMAT csv, HEADER true",
        ExportFormat.Parquet => "FORMAT parquet, COMPRESSION zstd",
        ExportFormat.Json => "FORMAT json",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Export to Csv, Parquet or Json."),
    };
}
