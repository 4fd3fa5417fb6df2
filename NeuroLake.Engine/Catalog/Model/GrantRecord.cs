using NeuroLake.Engine.Governance;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>
/// One privilege on one securable for one principal. <see cref="SecurableId"/> is the catalog, schema or table row's
/// id (<see cref="Guid.Empty"/> for the metastore), so a table dropped and created again starts without grants.
/// </summary>
internal sealed class GrantRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public SecurableLevel Level { get; set; }

    public Guid SecurableId { get; set; }

    public PrincipalKind PrincipalKind { get; set; }

    public string Principal { get; set; } = "";

    public Privilege Privilege { get; set; }

    public string GrantedBy { get; set; } = "";

    public DateTimeOffset GrantedAt { get; set; }
}
