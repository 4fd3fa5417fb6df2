using NeuroLake.Engine.Catalog;

namespace NeuroLake.Web.Api.Catalog;

/// <summary>A catalog as the API writes it.</summary>
public sealed record CatalogJson(string Name, string Owner, string Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CatalogJson From(SecurableInfo c) => new(c.Path.Catalog, c.Owner, c.Description, c.CreatedAt, c.UpdatedAt);
}

/// <summary>A schema as the API writes it.</summary>
public sealed record SchemaJson(string Catalog, string Name, string FullName, string Owner, string Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SchemaJson From(SecurableInfo s) =>
        new(s.Path.Catalog, s.Path.Schema!, $"{s.Path.Catalog}.{s.Path.Schema}", s.Owner, s.Description, s.CreatedAt, s.UpdatedAt);
}
