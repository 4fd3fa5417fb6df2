using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Ingestion.Load;

namespace NeuroLake.Engine.Ingestion;

/// <summary>A staged file to load into a catalog table with the proposed schema, as the ingestion wizard does.</summary>
/// <param name="StagedPath">The file in the staging folder; the caller owns it (and deletes it afterwards).</param>
/// <param name="SourceFile">Its name, size and SHA-256 for lineage (see <see cref="StagedUpload"/>).</param>
/// <param name="Table">catalog.schema.table; with <see cref="LoadMode.NewTable"/> it is created under the warehouse.</param>
/// <param name="Mode">New table, append, overwrite or merge on <see cref="KeyColumns"/>.</param>
public sealed record FileIngestionRequest(string StagedPath, SourceFileInfo SourceFile, SecurablePath Table, LoadMode Mode)
{
    /// <summary>Key columns of a merge (required with <see cref="LoadMode.MergeOnKey"/>).</summary>
    public IReadOnlyList<string> KeyColumns { get; init; } = [];

    /// <summary>Allow source columns the table lacks (see <see cref="LoadRequest.MergeSchema"/>; default false).</summary>
    public bool MergeSchema { get; init; }

    /// <summary>What happens to rows that do not parse (default quarantine).</summary>
    public BadRowPolicy BadRows { get; init; } = BadRowPolicy.Quarantine;

    /// <summary>The encoding to read text with instead of detecting it (default null: detected).</summary>
    public Detection.EncodingChoice? Encoding { get; init; }

    /// <summary>Whether nested JSON objects stay STRUCT columns (default) or are flattened to columns named by their path.</summary>
    public Detection.JsonNesting JsonNesting { get; init; } = Detection.JsonNesting.Struct;

    /// <summary>The sheet of an Excel workbook to load (default null: the first sheet with rows); ignored for other formats.</summary>
    public string? Sheet { get; init; }

    /// <summary>Where every phase after the upload is reported (default none).</summary>
    public IngestionProgress? Progress { get; init; }

    /// <summary>The user recorded as the commits' author (default none).</summary>
    public string? User { get; init; }
}
