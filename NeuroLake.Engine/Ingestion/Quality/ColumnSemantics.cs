using System.Globalization;

namespace NeuroLake.Engine.Ingestion.Quality;

/// <summary>
/// Tells columns whose spread is expected (coordinates, flags, ids) from measures, whose far values are worth a look:
/// IQR fences on longitudes, 0/1 flags and ids flag values that are perfectly normal.
/// </summary>
internal static class ColumnSemantics
{
    /// <summary>Share of non-null values that must be distinct for an integer column to count as an id.</summary>
    private const double NearlyUnique = 0.95;

    public static ColumnSemantic Classify(ColumnQuality column, long rows)
    {
        if (!ColumnKind.IsNumeric(column.DuckDbType) || rows - column.NullCount == 0)
        {
            return ColumnSemantic.Other;
        }

        if (column.DistinctCount <= 1)
        {
            return ColumnSemantic.Constant;
        }

        if (column.DistinctCount == 2)
        {
            return ColumnSemantic.Flag;
        }

        if (IsCoordinate(column))
        {
            return ColumnSemantic.Coordinate;
        }

        var nonNull = rows - column.NullCount;
        return ColumnKind.IsInteger(column.DuckDbType) && (column.DistinctCount >= NearlyUnique * nonNull || KeyProposal.IdLikeness(column.Name) == 2)
            ? ColumnSemantic.Identifier
            : ColumnSemantic.Measure;
    }

    private static bool IsCoordinate(ColumnQuality column)
    {
        var limit = CoordinateLimit(column.Name);
        return limit is not null && Number(column.Min) is { } min && Number(column.Max) is { } max && min >= -limit && max <= limit;
    }

    /// <summary>90 for latitude names, 180 for longitude names, null otherwise.</summary>
    internal static double? CoordinateLimit(string name)
    {
        var tokens = NameTokens.Of(name);
        if (tokens.Any(t => t is "lat" or "latitude"))
        {
            return 90;
        }

        return tokens.Any(t => t is "lon" or "lng" or "long" or "longitude") ? 180 : null;
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
