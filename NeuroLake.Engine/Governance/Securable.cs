using NeuroLake.Engine.Catalog;

namespace NeuroLake.Engine.Governance;

/// <summary>What a grant is on: the metastore (<see cref="Path"/> null: every catalog) or a catalog, schema or table.</summary>
public sealed record Securable(SecurablePath? Path)
{
    public static Securable Metastore { get; } = new((SecurablePath?)null);

    public static Securable Of(SecurablePath path) => new(path.TablePath.Table is null ? path : path.TablePath);

    public SecurableLevel Level => Path switch
    {
        null => SecurableLevel.Metastore,
        { Table: not null } => SecurableLevel.Table,
        { Schema: not null } => SecurableLevel.Schema,
        _ => SecurableLevel.Catalog,
    };

    /// <summary>As messages and SHOW GRANTS name it: <c>table main.sales.orders</c>, <c>metastore</c>.</summary>
    public override string ToString() => Path is null ? "metastore" : $"{Level.ToString().ToLowerInvariant()} {Path}";
}
