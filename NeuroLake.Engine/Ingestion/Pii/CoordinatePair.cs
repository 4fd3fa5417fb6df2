namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>
/// A latitude column and a longitude column of the same table, found by name and checked by range: together they
/// locate a person, so both are flagged as geolocation. Names are required; x/y or min/max pairs in range are not places.
/// </summary>
internal static class CoordinatePair
{
    private const double ShareWeight = 0.85;
    private const double NameWeight = 0.15;

    public static Dictionary<string, PiiFinding> Find(IReadOnlyList<ColumnSample> columns)
    {
        var latitudes = Scored(columns, PiiNameHints.SuggestsLatitude, Coordinate.IsLatitude);
        var longitudes = Scored(columns, PiiNameHints.SuggestsLongitude, Coordinate.IsLongitude);
        var findings = new Dictionary<string, PiiFinding>(StringComparer.Ordinal);
        if (latitudes.Count == 0 || longitudes.Count == 0)
        {
            return findings;
        }
        var (bestLatitude, bestLongitude) = (latitudes.MaxBy(s => s.Share), longitudes.MaxBy(s => s.Share));
        foreach (var (column, share) in latitudes)
        {
            findings[column.Name] = Finding(column, Math.Min(share, bestLongitude.Share), bestLongitude.Column.Name);
        }
        foreach (var (column, share) in longitudes)
        {
            findings[column.Name] = Finding(column, Math.Min(share, bestLatitude.Share), bestLatitude.Column.Name);
        }
        return findings;
    }

    private static PiiFinding Finding(ColumnSample column, double share, string partner) =>
        new(column.Name, SemanticType.Geolocation, Math.Min(1, ShareWeight * share + NameWeight), share, true,
            column.Values.Count, [SemanticType.Geolocation], $"paired with {partner}");

    private static List<(ColumnSample Column, double Share)> Scored(IReadOnlyList<ColumnSample> columns, Func<string, bool> named, Func<string, bool> valid)
    {
        var scored = new List<(ColumnSample, double)>();
        foreach (var column in columns)
        {
            if (column.Values.Count > 0 && IsTextOrFraction(column.DuckDbType) && named(column.Name))
            {
                scored.Add((column, (double)column.Values.Count(valid) / column.Values.Count));
            }
        }
        return scored;
    }

    private static bool IsTextOrFraction(string duckDbType) =>
        duckDbType is "VARCHAR" or "DOUBLE" or "FLOAT" or "REAL" || duckDbType.StartsWith("DECIMAL", StringComparison.Ordinal);
}
