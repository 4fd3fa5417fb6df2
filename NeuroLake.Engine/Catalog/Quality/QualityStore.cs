using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Quality;

public sealed class QualityStore
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;

    internal QualityStore(IDbContextFactory<CatalogDbContext> factory, TimeProvider? time = null) => _factory = factory;
}
