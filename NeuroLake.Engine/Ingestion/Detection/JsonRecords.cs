namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>Where the records of a JSON file are.</summary>
public enum JsonShape
{
    /// <summary>A top-level array of records.</summary>
    Array,

    /// <summary>Records one after another (newline-delimited JSON), or a single object that is one record.</summary>
    Lines,

    /// <summary>An object whose one array member holds the records (GeoJSON <c>features</c>, an API's <c>data</c>).</summary>
    MemberArray,

    /// <summary>An object of objects keyed by id: each member is a record, its name a column.</summary>
    KeyedObject,
}

/// <summary>What happens to nested objects inside a JSON record.</summary>
public enum JsonNesting
{
    /// <summary>Nested objects stay STRUCT (or MAP) columns.</summary>
    Struct,

    /// <summary>Nested objects become columns named by their path (<c>properties.mag</c> → <c>properties_mag</c>); arrays stay lists.</summary>
    Flatten,
}

/// <summary>The JSON shape detection found and how its records are read.</summary>
/// <param name="Shape">Where the records are.</param>
/// <param name="RecordPath">The member holding the records with <see cref="JsonShape.MemberArray"/>; otherwise null.</param>
/// <param name="KeyColumn">The column the member names become with <see cref="JsonShape.KeyedObject"/>; otherwise null.</param>
/// <param name="Nesting">Whether nested objects stay STRUCT or are flattened to columns.</param>
public sealed record JsonRecords(JsonShape Shape, string? RecordPath, string? KeyColumn, JsonNesting Nesting)
{
    /// <summary>
    /// True when DuckDB cannot read the records straight from the file, so they are streamed into a
    /// newline-delimited copy first: records below the top level, member names that become a column, or flattening.
    /// </summary>
    public bool NeedsCopy => Shape is JsonShape.MemberArray or JsonShape.KeyedObject || Nesting == JsonNesting.Flatten;

    /// <summary>The record path in the wizard's words: <c>$[*]</c>, <c>$.features[*]</c>, <c>$.*</c>, or one record per line.</summary>
    public string PathText => Shape switch
    {
        JsonShape.Array => "$[*]",
        JsonShape.MemberArray => $"$.{RecordPath}[*]",
        JsonShape.KeyedObject => "$.*",
        _ => "one record per line",
    };

    /// <summary>The shape in words, for the wizard and reports.</summary>
    public string Description => Shape switch
    {
        JsonShape.Array => "an array of records",
        JsonShape.MemberArray => $"an object whose member '{RecordPath}' holds the records",
        JsonShape.KeyedObject => $"an object of records keyed by id (the keys become column '{KeyColumn}')",
        _ => "newline-delimited records",
    };
}
