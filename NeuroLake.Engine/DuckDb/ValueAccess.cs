namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// Typed reads shared by the reader and the chunk. The <c>typeof(T)</c> tests are constants per
/// instantiation, so the JIT keeps only the matching branch and value types are not boxed.
/// </summary>
internal static class ValueAccess
{
    internal static T Get<T>(ColumnVector column, int row)
    {
        if (!column.IsValid(row))
        {
            if (default(T) is null)
            {
                return default!;
            }

            ThrowHelper.ValueIsNull(column.Name);
        }

        if (typeof(T) == typeof(long))
        {
            return (T)(object)column.GetInt64(row);
        }

        if (typeof(T) == typeof(int))
        {
            return (T)(object)checked((int)column.GetInt64(row));
        }

        if (typeof(T) == typeof(double))
        {
            return (T)(object)column.GetDouble(row);
        }

        if (typeof(T) == typeof(bool))
        {
            return (T)(object)column.GetBoolean(row);
        }

        if (typeof(T) == typeof(decimal))
        {
            return (T)(object)column.GetDecimal(row);
        }

        if (typeof(T) == typeof(DuckDbDecimal))
        {
            return (T)(object)column.GetDuckDbDecimal(row);
        }

        if (typeof(T) == typeof(DateTime))
        {
            return (T)(object)column.GetDateTime(row);
        }

        if (typeof(T) == typeof(string))
        {
            return (T)(object)column.GetString(row);
        }

        var value = column.GetValue(row);
        return value is T typed ? typed : ThrowHelper.InvalidCast<T>(column.Name, column.Type);
    }
}
