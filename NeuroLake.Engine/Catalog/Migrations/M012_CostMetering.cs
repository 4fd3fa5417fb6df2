using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Migrations;

/// <summary>Cost foundations: metered statements and job runs, each table's daily storage per tier, and price books.</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration(Id)]
internal sealed class M012_CostMetering : Migration
{
    public const string Id = "20261206000012_CostMetering";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "metered_work",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                Source = c.Column<int>(nullable: false),
                Workload = c.Column<int>(nullable: false),
                UserName = c.Column<string>(maxLength: 256, nullable: false),
                Kind = c.Column<string>(maxLength: MeteringModel.KindMaxLength, nullable: false),
                Outcome = c.Column<string>(maxLength: MeteringModel.OutcomeMaxLength, nullable: false),
                StartedAt = c.Time(),
                WallTicks = c.Column<long>(nullable: false),
                CpuTicks = c.Column<long>(nullable: false),
                BytesScanned = c.Column<long>(nullable: false),
                FilesScanned = c.Column<long>(nullable: false),
                TablesJson = c.Text(),
                JobRunId = c.Column<Guid>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_metered_work", x => x.Id));
        migrationBuilder.CreateIndex("IX_metered_work_StartedAt", "metered_work", "StartedAt");

        migrationBuilder.CreateTable(
            name: "table_storage_days",
            columns: c => new
            {
                Day = c.Column<DateOnly>(nullable: false),
                TableName = c.Column<string>(maxLength: MeteringModel.TableNameMaxLength, nullable: false),
                Tier = c.Column<int>(nullable: false),
                CurrentBytes = c.Column<long>(nullable: false),
                CurrentFiles = c.Column<long>(nullable: false),
                OlderVersionsBytes = c.Column<long>(nullable: false),
                OlderVersionsFiles = c.Column<long>(nullable: false),
                TakenAt = c.Time(),
            },
            constraints: t => t.PrimaryKey("PK_table_storage_days", x => new { x.Day, x.TableName, x.Tier }));

        migrationBuilder.CreateTable(
            name: "price_books",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                Name = c.Column<string>(maxLength: MeteringModel.TextMaxLength, nullable: false),
                Source = c.Column<string>(maxLength: MeteringModel.TextMaxLength, nullable: false),
                Currency = c.Column<string>(maxLength: MeteringModel.CurrencyMaxLength, nullable: false),
                PricesAsOf = c.Column<DateOnly>(nullable: false),
                HotPerGbMonth = c.Column<decimal>(nullable: false),
                WarmPerGbMonth = c.Column<decimal>(nullable: false),
                ColdPerGbMonth = c.Column<decimal>(nullable: false),
                PutPer1000 = c.Column<decimal>(nullable: false),
                GetPer1000 = c.Column<decimal>(nullable: false),
                EgressPerGb = c.Column<decimal>(nullable: false),
                LocalDiskPerGbMonth = c.Column<decimal>(nullable: false),
                MachinePerHour = c.Column<decimal>(nullable: false),
                MachineCores = c.Column<int>(nullable: false),
                CloudComputePerVcpuHour = c.Column<decimal>(nullable: false),
                EnteredBy = c.Column<string>(maxLength: 256, nullable: false),
                EnteredAt = c.Time(),
            },
            constraints: t => t.PrimaryKey("PK_price_books", x => x.Id));
        migrationBuilder.CreateIndex("IX_price_books_EnteredAt", "price_books", "EnteredAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("price_books");
        migrationBuilder.DropTable("table_storage_days");
        migrationBuilder.DropTable("metered_work");
    }
}
