namespace NeuroLake.Engine.Ingestion.Quality;

/// <summary>What to assess.</summary>
/// <param name="Relation">A table name, a table function or a parenthesised SELECT, spliced after FROM.</param>
/// <param name="ParsePairs">
/// Parsed column → its raw source column, for counting values that failed to parse. Columns named
/// <c>_nl_raw_X</c> (from <see cref="Schema.SourceSelect"/> with includeRaw) pair with X without being listed.
/// </param>
/// <param name="Key">A key to check for duplicates; null to propose one.</param>
/// <param name="ExactDistinctUpToRows">Up to this many rows distinct counts and quartiles are exact; above, approximate.</param>
/// <param name="RowCount">The relation's row count when already known (e.g. from Delta file statistics), saving a scan.</param>
public sealed record QualityRequest(
    string Relation,
    IReadOnlyDictionary<string, string>? ParsePairs = null,
    IReadOnlyList<string>? Key = null,
    long ExactDistinctUpToRows = 1_000_000,
    long? RowCount = null)
{
    /// <summary>Where the assessment reports the <see cref="IngestionPhase.Profile"/> phase (default none).</summary>
    public IngestionProgress? Progress { get; init; }
}
