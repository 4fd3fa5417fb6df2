namespace NeuroLake.Engine.Catalog.Model;

internal sealed class SchemaRecord : SecurableRecord
{
    public Guid CatalogId { get; set; }

    public CatalogRecord? Catalog { get; set; }

    public List<TableRecord> Tables { get; set; } = [];
}
