namespace NeuroLake.Engine.Ingestion.Quality;

/// <summary>What a column's values mean, as far as outliers are concerned.</summary>
public enum ColumnSemantic
{
    /// <summary>Not numeric: no outliers.</summary>
    Other,

    /// <summary>A single value (or none): no outliers.</summary>
    Constant,

    /// <summary>Two distinct values (0/1, yes/no codes): no outliers.</summary>
    Flag,

    /// <summary>Latitude or longitude inside its valid range: no outliers.</summary>
    Coordinate,

    /// <summary>Integers unique or nearly so, or named as an id: no outliers.</summary>
    Identifier,

    /// <summary>A measure judged by median and MAD (modified z-score above 3.5).</summary>
    Measure,

    /// <summary>A strongly right-skewed non-negative measure, judged by median and MAD of ln(1 + x).</summary>
    SkewedMeasure,
}
