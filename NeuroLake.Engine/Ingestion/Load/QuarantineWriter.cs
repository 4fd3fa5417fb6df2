using System.Globalization;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Operations.Schema;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>
/// Writes rows that did not parse to the quarantine table: every column's source value as text, the columns that
/// failed (<see cref="SourceSelect.ParseErrorsColumn"/>) and the load time (<see cref="LoadedAtColumn"/>).
/// </summary>
internal static class QuarantineWriter
{
    public const string LoadedAtColumn = "_nl_loaded_at";

    /// <summary>The request's quarantine table, or the one beside its target (a folder or an S3 prefix next to the table's).</summary>
    public static async Task<DeltaTable> TableForAsync(LoadRequest request, DuckDb.DuckDbDatabase duckDb, ObjectStoreFactory? stores, CancellationToken ct) =>
        request.QuarantineTable
        ?? await IngestionTables.OpenAsync(IngestionTables.QuarantineOf(request.Target.Location), duckDb, stores, request.Target.Options, ct).ConfigureAwait(false);

    public static async Task<long> WriteAsync(DeltaTable quarantine, IReadOnlyList<ProposedColumn> columns, string selectWithRaw, IReadOnlySet<string> rawColumns, DateTimeOffset loadedAt, CancellationToken ct)
    {
        var values = columns.Select(c =>
        {
            var value = rawColumns.Contains(SourceSelect.RawPrefix + c.Name) ? SourceSelect.RawPrefix + c.Name : c.Name;
            return $"CAST({SqlText.Identifier(value)} AS VARCHAR) AS {SqlText.Identifier(c.Name)}";
        });
        var at = loadedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        var query = $"SELECT {string.Join(", ", values)}, {SourceSelect.ParseErrorsColumn}, CAST('{at}+00' AS TIMESTAMPTZ) AS {LoadedAtColumn} " +
                    $"FROM ({selectWithRaw}) WHERE {SourceSelect.ParseFailedColumn}";
        if (!await quarantine.ExistsAsync(ct).ConfigureAwait(false))
        {
            var created = await quarantine.CreateAsync(new Tables.Writes.TableDefinition { Description = "Rows that failed to parse while loading" }, query, ifNotExists: true, ct).ConfigureAwait(false);
            if (created is not null)
            {
                return created.Version;
            }
        }

        return (await quarantine.AppendAsync(query, WriteSchemaMode.MergeSchema, ct).ConfigureAwait(false)).Version;
    }
}
