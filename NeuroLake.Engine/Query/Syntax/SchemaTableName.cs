namespace NeuroLake.Engine.Query.Syntax;

/// <summary>A catalog table's validated schema and table names.</summary>
internal readonly record struct SchemaTableName(string Schema, string Table)
{
    /// <summary>The name quoted for DuckDB: "schema"."table".</summary>
    public string ToSql() => SqlIdentifier.Quote(Schema) + "." + SqlIdentifier.Quote(Table);

    public override string ToString() => $"{Schema}.{Table}";
}
