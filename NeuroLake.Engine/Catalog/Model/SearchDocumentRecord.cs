namespace NeuroLake.Engine.Catalog.Model;

/// <summary>
/// A securable as search sees it: the filter columns denormalized so one indexed lookup answers a query.
/// Rebuilt by <see cref="CatalogDbContext"/> whenever the securable changes.
/// </summary>
internal sealed class SearchDocumentRecord
{
    /// <summary>Id of the schema, table or column.</summary>
    public Guid Id { get; set; }

    public SecurableKind Kind { get; set; }

    public Guid SchemaId { get; set; }

    public Guid? TableId { get; set; }

    public string QualifiedName { get; set; } = "";

    public string Name { get; set; } = "";

    public string SchemaNameLower { get; set; } = "";

    public string OwnerLower { get; set; } = "";

    /// <summary>For a column: it is PII; for a table: one of its columns is; for a schema: one of its tables is.</summary>
    public bool HasPii { get; set; }

    public string Description { get; set; } = "";

    public List<SearchTermRecord> Terms { get; set; } = [];
}
