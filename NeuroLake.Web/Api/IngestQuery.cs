using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Load;

namespace NeuroLake.Web.Api;

/// <summary>
/// The query string of <c>POST /api/v1/ingest</c>: <c>table=schema.name</c> (or catalog.schema.name),
/// <c>mode=create|append|overwrite|merge</c>, <c>key=col</c> (repeated or comma-separated, for merge),
/// <c>badRows=quarantine|skip|fail</c>, <c>mergeSchema=true</c>, <c>filename=</c>,
/// <c>encoding=utf-8|latin-1|utf-16le|utf-16be</c> (detected when absent), <c>nesting=struct|flatten</c> (JSON objects
/// nested in a record: STRUCT columns, or one column per path like <c>properties_mag</c>; default struct), <c>sheet=</c> (the Excel
/// sheet to load; default the first sheet with rows).
/// </summary>
internal sealed record IngestQuery(
    SecurablePath Table, LoadMode Mode, IReadOnlyList<string> Keys, BadRowPolicy BadRows, bool MergeSchema, string? FileName, EncodingChoice? Encoding,
    JsonNesting Nesting = JsonNesting.Struct, string? Sheet = null)
{
    /// <summary>Two-part names resolve in the catalog the SQL service uses by default (QueryServiceOptions.Catalog).</summary>
    public const string DefaultCatalog = "main";

    /// <summary>The sheet name as given (Excel allows spaces inside it), or null when absent.</summary>
    private static string? SheetName(string text) =>
        text.Length == 0 ? null
        : text.Length > 100 ? throw new IngestionException("sheet= is longer than any Excel sheet name (31 characters): name one sheet of the workbook.")
        : text;

    /// <exception cref="NeuroLakeException">A parameter is missing or has a value not listed above.</exception>
    public static IngestQuery Parse(IQueryCollection query)
    {
        var tableText = query["table"].ToString();
        if (string.IsNullOrWhiteSpace(tableText))
        {
            throw new IngestionException("The query string has no table: add ?table=schema.name (or catalog.schema.name).");
        }

        var parts = tableText.Split('.').Length;
        if (parts is < 2 or > 3)
        {
            throw new IngestionException($"table='{tableText}' has {parts} part(s): name it schema.name or catalog.schema.name.");
        }

        var table = SecurablePath.Parse(parts == 2 ? $"{DefaultCatalog}.{tableText}" : tableText);
        var mode = query["mode"].ToString().ToLowerInvariant() switch
        {
            "" or "create" => LoadMode.NewTable,
            "append" => LoadMode.Append,
            "overwrite" => LoadMode.Overwrite,
            "merge" => LoadMode.MergeOnKey,
            var other => throw new IngestionException($"mode='{other}' is not a load mode: use create, append, overwrite or merge."),
        };
        var badRows = query["badRows"].ToString().ToLowerInvariant() switch
        {
            "" or "quarantine" => BadRowPolicy.Quarantine,
            "skip" => BadRowPolicy.Skip,
            "fail" => BadRowPolicy.Fail,
            var other => throw new IngestionException($"badRows='{other}' is not a bad-row policy: use quarantine, skip or fail."),
        };
        var mergeSchema = query["mergeSchema"].ToString() switch
        {
            "" or "false" => false,
            "true" => true,
            var other => throw new IngestionException($"mergeSchema='{other}' is not true or false."),
        };
        var keys = query["key"].SelectMany(k => (k ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var fileName = query["filename"].ToString();
        var encoding = query["encoding"].ToString();
        var nesting = query["nesting"].ToString().ToLowerInvariant() switch
        {
            "" or "struct" => JsonNesting.Struct,
            "flatten" => JsonNesting.Flatten,
            var other => throw new IngestionException($"nesting='{other}' is not a JSON nesting choice: use struct or flatten."),
        };
        return new IngestQuery(
            table, mode, keys, badRows, mergeSchema, fileName.Length == 0 ? null : fileName, encoding.Length == 0 ? null : EncodingChoice.Parse(encoding), nesting,
            SheetName(query["sheet"].ToString()));
    }
}
