namespace NeuroLake.Engine.Catalog;

/// <summary>A dotted name: <c>catalog</c>, <c>catalog.schema</c>, <c>catalog.schema.table</c> or <c>catalog.schema.table.column</c>.</summary>
public sealed record SecurablePath(string Catalog, string? Schema = null, string? Table = null, string? Column = null)
{
    public Model.SecurableKind Kind =>
        Column is not null ? Model.SecurableKind.Column
        : Table is not null ? Model.SecurableKind.Table
        : Schema is not null ? Model.SecurableKind.Schema
        : Model.SecurableKind.Catalog;

    /// <summary>Parses and validates every part; throws <see cref="CatalogException"/> naming the bad part.</summary>
    public static SecurablePath Parse(string dotted)
    {
        var parts = (dotted ?? "").Split('.');
        if (parts.Length > 4)
        {
            CatalogThrow.Invalid($"'{dotted}' has {parts.Length} parts: name a securable as catalog[.schema[.table[.column]]].");
        }

        foreach (var part in parts)
        {
            Identifier.Require(part, "Name part");
        }

        return new SecurablePath(parts[0], parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2), parts.ElementAtOrDefault(3));
    }

    public static SecurablePath ForTable(string catalog, string schema, string table) => new(catalog, schema, table);

    public SecurablePath TablePath => new(Catalog, Schema, Table);

    public override string ToString() => string.Join('.', new[] { Catalog, Schema, Table, Column }.Where(p => p is not null));
}
