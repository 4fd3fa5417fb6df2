namespace NeuroLake.Engine.Query.Syntax;

/// <summary>
/// A possibly qualified name as written (<c>table</c>, <c>schema.table</c>, <c>catalog.schema.table</c>),
/// with quotes removed from quoted parts.
/// </summary>
internal sealed record TableName(IReadOnlyList<string> Parts, SourceSpan Span)
{
    /// <summary>The last part: the table (or, for CREATE SCHEMA and SHOW TABLES IN, the schema).</summary>
    public string Name => Parts[^1];

    /// <summary>The part before the name, when the name is qualified.</summary>
    public string? Qualifier => Parts.Count > 1 ? Parts[^2] : null;

    /// <summary>
    /// The schema and table this name means in NeuroLake, where a bare name is in <paramref name="defaultSchema"/>.
    /// Both parts must follow the identifier rule.
    /// </summary>
    /// <exception cref="InvalidIdentifierException">A part breaks the identifier rule.</exception>
    /// <exception cref="SqlSyntaxException">The name has more than two parts.</exception>
    public SchemaTableName ToSchemaTable(string defaultSchema)
    {
        if (Parts.Count > 2)
        {
            throw new SqlSyntaxException($"'{this}' has {Parts.Count} parts", Span,
                "Name tables as schema.table, or just table for the default schema.");
        }

        var schema = Parts.Count == 2 ? SqlIdentifier.Validate(Parts[0], "schema", Span) : SqlIdentifier.Validate(defaultSchema, "schema");
        return new SchemaTableName(schema, SqlIdentifier.Validate(Name, "table", Span));
    }

    public bool Equals(TableName? other) =>
        other is not null && Parts.SequenceEqual(other.Parts, StringComparer.OrdinalIgnoreCase);

    public override int GetHashCode() =>
        Parts.Aggregate(0, (hash, part) => HashCode.Combine(hash, StringComparer.OrdinalIgnoreCase.GetHashCode(part)));

    public override string ToString() => string.Join('.', Parts);
}
