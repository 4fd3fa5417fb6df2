using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Recommendations;

public sealed class TableRecommender
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;

    internal TableRecommender(IDbContextFactory<CatalogDbContext> factory, TimeProvider? time = null) => _factory = factory;
}
