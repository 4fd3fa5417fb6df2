using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Migrations;

/// <summary>
/// The file cache's counters over time: one row per sample, the counters as the change since the previous sample
/// (a process restart resets the cache's own counters, so cumulative figures would go backwards), bytes held and capacity as they were.
/// </summary>
[DbContext(typeof(CatalogDbContext))]
[Migration(Id)]
internal sealed class M015_CacheSamples : Migration
{
    public const string Id = "20261207000015_CacheSamples";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "cache_samples",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                TakenAt = c.Time(),
                Hits = c.Column<long>(nullable: false),
                Misses = c.Column<long>(nullable: false),
                Evictions = c.Column<long>(nullable: false),
                BytesFetched = c.Column<long>(nullable: false),
                BytesEvicted = c.Column<long>(nullable: false),
                BytesHeld = c.Column<long>(nullable: false),
                CapacityBytes = c.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_cache_samples", x => x.Id));
        migrationBuilder.CreateIndex("IX_cache_samples_TakenAt", "cache_samples", "TakenAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("cache_samples");
}
