using System.Diagnostics.CodeAnalysis;

namespace NeuroLake.Engine.DuckDb;

/// <summary>Throwing lives here so the reading and binding hot paths stay small enough to inline.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    internal static object NotSupported(string column, DuckDbLogicalType type) =>
        throw new NotSupportedException(
            $"Column '{column}' has type {type}, which the NeuroLake DuckDB binding does not read. CAST it to VARCHAR in SQL.");

    [DoesNotReturn]
    internal static T InvalidCast<T>(string column, DuckDbLogicalType type) =>
        throw new InvalidCastException(
            $"Column '{column}' has type {type} and cannot be read as {typeof(T).Name}. Use GetValue, or the getter that matches the type.");

    [DoesNotReturn]
    internal static void InvalidCast(string column, DuckDbLogicalType type, string target) =>
        throw new InvalidCastException(
            $"Column '{column}' has type {type} and cannot be read as {target}. Use GetValue, or the getter that matches the type.");

    [DoesNotReturn]
    internal static decimal DecimalOverflow(string column, DuckDbDecimal value) =>
        throw new OverflowException(
            $"Column '{column}' holds the DECIMAL({value.Width},{value.Scale}) value {value}, beyond System.Decimal's range. " +
            "Read it with GetFieldValue<DuckDbDecimal>(), or CAST it to DOUBLE or VARCHAR in SQL.");

    [DoesNotReturn]
    internal static void ValueIsNull(string column) =>
        throw new InvalidCastException($"Column '{column}' is NULL in this row. Check IsDBNull first, or use GetValue, which returns null.");

    [DoesNotReturn]
    internal static void NoRow() =>
        throw new InvalidOperationException("There is no current row: call Read() and check that it returned true.");

    [DoesNotReturn]
    internal static void ChunkExpired() =>
        throw new ObjectDisposedException(nameof(DuckDbDataChunk),
            "This chunk is no longer valid: a chunk lasts until the reader's next Read/ReadChunk or Dispose.");

    [DoesNotReturn]
    internal static void Failed(string? duckDbMessage, string? statement, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        throw new DuckDbException(duckDbMessage ?? "DuckDB reported an error without a message.", statement);
    }
}
