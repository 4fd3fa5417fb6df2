namespace NeuroLake.Engine.Catalog.Model;

/// <summary>The levels of the catalog hierarchy.</summary>
public enum SecurableKind
{
    Catalog = 0,
    Schema = 1,
    Table = 2,
    Column = 3,
}
