namespace NeuroLake.Engine.Configuration;

/// <summary>Catalog settings, bound from <c>NeuroLake:Catalog</c>.</summary>
public sealed class CatalogOptions
{
    /// <summary>The database the catalog is kept in. Default <see cref="CatalogProvider.Sqlite"/>.</summary>
    public CatalogProvider Provider { get; set; } = CatalogProvider.Sqlite;
}

/// <summary>Databases the catalog can be kept in.</summary>
public enum CatalogProvider
{
    /// <summary>A SQLite file in the data folder: the single-box default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for shared deployments.</summary>
    Postgres,
}
