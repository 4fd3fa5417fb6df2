using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Migrations;

/// <summary>
/// Metered work keeps what DuckDB's profiler measured: the memory its buffer manager allocated and its own CPU time;
/// nullable, because work metered before (and loads outside the query service) has no profile.
/// </summary>
[DbContext(typeof(CatalogDbContext))]
[Migration(Id)]
internal sealed class M016_MeteredWorkProfile : Migration
{
    public const string Id = "20261207000016_MeteredWorkProfile";

    private const string Table = "metered_work";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>("MemoryAllocatedBytes", Table, nullable: true);
        migrationBuilder.AddColumn<long>("DuckDbCpuTicks", Table, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("DuckDbCpuTicks", Table);
        migrationBuilder.DropColumn("MemoryAllocatedBytes", Table);
    }
}
