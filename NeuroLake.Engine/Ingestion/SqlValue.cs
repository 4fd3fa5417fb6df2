using System.Globalization;

namespace NeuroLake.Engine.Ingestion;

/// <summary>Conversions of aggregate results, which DuckDB may return as HUGEINT or DECIMAL.</summary>
internal static class SqlValue
{
    public static long ToInt64(object? value) => value switch
    {
        null => 0,
        Int128 big => (long)big,
        UInt128 big => (long)big,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    public static double? ToDouble(object? value) => value switch
    {
        null => null,
        Int128 big => (double)big,
        UInt128 big => (double)big,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };
}
