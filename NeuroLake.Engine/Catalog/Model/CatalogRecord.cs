namespace NeuroLake.Engine.Catalog.Model;

internal sealed class CatalogRecord : SecurableRecord
{
    public List<SchemaRecord> Schemas { get; set; } = [];
}
