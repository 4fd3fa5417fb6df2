namespace NeuroLake.Engine.Catalog.Model;

/// <summary>What every securable (catalog, schema, table, column) carries.</summary>
internal abstract class SecurableRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    public string Owner { get; set; } = "";

    public string Description { get; set; } = "";

    public List<string> Tags { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
