namespace NeuroLake.Engine.Catalog;

/// <summary>The database that holds the catalog (<c>NeuroLake:Catalog:Provider</c>).</summary>
public enum CatalogProvider
{
    /// <summary>A SQLite file, <c>catalog.db</c> in the data folder unless a connection string says otherwise.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database named by <c>ConnectionStrings:Catalog</c>.</summary>
    Postgres,
}
