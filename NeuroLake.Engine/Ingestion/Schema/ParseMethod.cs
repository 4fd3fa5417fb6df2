namespace NeuroLake.Engine.Ingestion.Schema;

/// <summary>How a column's value is computed from the value DuckDB reads from the source.</summary>
public enum ParseKind
{
    /// <summary>The value as read (JSON and Parquet types, or CSV text kept as VARCHAR).</summary>
    AsRead,

    /// <summary>TRY_CAST to the column's type.</summary>
    Cast,

    /// <summary>try_strptime with <see cref="ParseMethod.Format"/>, then cast to DATE or TIMESTAMP.</summary>
    Strptime,

    /// <summary>Digits grouped with commas ("1,234,567"): commas removed, then TRY_CAST.</summary>
    ThousandsSeparator,

    /// <summary>A JSON value that is always a scalar, as its text (numbers without quotes, strings unquoted).</summary>
    JsonScalarText,
}

/// <summary>A parse kind and, for <see cref="ParseKind.Strptime"/>, its strptime format.</summary>
public sealed record ParseMethod(ParseKind Kind, string? Format = null)
{
    public static ParseMethod AsRead { get; } = new(ParseKind.AsRead);

    public static ParseMethod Cast { get; } = new(ParseKind.Cast);

    public static ParseMethod Thousands { get; } = new(ParseKind.ThousandsSeparator);

    public static ParseMethod Strptime(string format) => new(ParseKind.Strptime, format);

    public override string ToString() => Format is null ? Kind.ToString() : $"{Kind}({Format})";
}
