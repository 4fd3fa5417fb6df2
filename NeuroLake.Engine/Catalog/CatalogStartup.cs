using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Registry;

namespace NeuroLake.Engine.Catalog;

/// <summary>The start-up step: bring the catalog database to the latest migration and seed the built-in patterns.</summary>
public static class CatalogStartup
{
    public static async Task MigrateCatalogAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!db.IsPostgres)
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (!db.IsPostgres)
        {
            // Readers do not block the writer (the web app reads while jobs register tables).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await services.GetRequiredService<PatternLibrary>().EnsureBuiltInPatternsAsync(cancellationToken);
    }
}
