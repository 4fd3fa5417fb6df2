namespace NeuroLake.Engine.Catalog.Model;

/// <summary>A named set of users that grants and row filters can name (the workbench roles are groups too).</summary>
internal sealed class GroupRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public List<GroupMemberRecord> Members { get; set; } = [];
}
