namespace NeuroLake.Engine.Governance;

/// <summary>Where a grant sits: the metastore (every catalog) or one catalog, schema or table.</summary>
public enum SecurableLevel
{
    Metastore = 0,
    Catalog = 1,
    Schema = 2,
    Table = 3,
}
