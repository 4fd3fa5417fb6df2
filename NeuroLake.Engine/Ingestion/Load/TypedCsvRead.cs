using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Schema;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>
/// A CSV load's first try: DOUBLE columns and ISO DATE columns are read by DuckDB's CSV parser itself, which costs
/// about a tenth less of the write than reading them as text and casting. That parser cannot quarantine: a value it
/// cannot read fails the whole scan, so the load then starts over on the checked text read, which finds and sets apart
/// every bad row. A file that is clean past the proposal's sample (nearly all) is read once; one with a bad value far
/// in is read up to twice. The typed parser gives the checked cast's value for every text it accepts
/// (<c>TypedCsvReadTests</c> compares them), so the table is the same either way.
/// </summary>
internal static class TypedCsvRead
{
    /// <summary>The only DATE format read typed: the one whose checked reading is known to equal DuckDB's (strptime).</summary>
    public const string IsoDate = "%Y-%m-%d";

    /// <summary>The loaded columns with the typed ones read as is, over the typed relation; null when no column can be read typed.</summary>
    public static (IReadOnlyList<ProposedColumn> Columns, string Relation)? Plan(IReadOnlyList<ProposedColumn> columns, DetectedSource source)
    {
        if (source.Format != SourceFormat.Csv)
        {
            return null;
        }

        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var uses = columns.GroupBy(c => c.Source.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var planned = columns.Select(column =>
        {
            // A source column loaded twice stays text: it is read once, and the other copy may want another type.
            if (TypedType(column) is not { } type || uses[column.Source.Name] > 1)
            {
                return column;
            }

            types[column.Source.Name] = type;
            return column with { Parse = ParseMethod.AsRead, Source = column.Source with { DuckDbType = type, ReadAsText = false } };
        }).ToList();
        return types.Count == 0 ? null : (planned, source.TypedCsvRelationSql(types, IsoDate));
    }

    /// <summary>
    /// Whether a failed write of the typed read failed on a value the typed parser could not read, so the checked read
    /// must decide; any other failure (a broken file, no space) the checked read would meet again. The one-pass write
    /// reports DuckDB's failures as an <see cref="IngestionException"/> (<see cref="OnePass.Unreadable"/>).
    /// </summary>
    public static bool FailedOnValue(Exception e) =>
        e is IngestionException { InnerException: DuckDbException duck }
        && (duck.Message.Contains("Could not convert", StringComparison.Ordinal)
            || duck.Message.Contains("Could not parse", StringComparison.Ordinal)
            || duck.Message.Contains("Error when converting column", StringComparison.Ordinal));

    private static string? TypedType(ProposedColumn column)
    {
        if (!column.Source.ReadAsText)
        {
            return null;
        }

        return (column.Parse.Kind, column.DuckDbType.ToUpperInvariant()) switch
        {
            (ParseKind.Cast, "DOUBLE") => "DOUBLE",
            (ParseKind.Strptime, "DATE") when column.Parse.Format == IsoDate => "DATE",
            _ => null,
        };
    }
}
