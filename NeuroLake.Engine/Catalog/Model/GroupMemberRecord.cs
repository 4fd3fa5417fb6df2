namespace NeuroLake.Engine.Catalog.Model;

/// <summary>A user (by name: the engine knows no credentials) in a group.</summary>
internal sealed class GroupMemberRecord
{
    public Guid GroupId { get; set; }

    public string UserName { get; set; } = "";

    public DateTimeOffset AddedAt { get; set; }
}
