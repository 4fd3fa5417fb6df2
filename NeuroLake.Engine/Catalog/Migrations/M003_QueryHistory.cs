using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Migrations;

/// <summary>Query history: one row per statement executed by the query service.</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration(Id)]
internal sealed class M003_QueryHistory : Migration
{
    public const string Id = "20261122000003_QueryHistory";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "query_history",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                UserName = c.Column<string>(maxLength: 256, nullable: false),
                Sql = c.Text(),
                SearchText = c.Text(),
                StartedAt = c.Time(),
                StartedTicks = c.Column<long>(nullable: false),
                FinishedAt = c.Time(),
                DurationTicks = c.Column<long>(nullable: false),
                Rows = c.Column<long>(nullable: true),
                Status = c.Column<int>(nullable: false),
                Error = c.Column<string>(nullable: true),
                TablesReadJson = c.Text(),
                TablesWrittenJson = c.Text(),
            },
            constraints: t => t.PrimaryKey("PK_query_history", x => x.Id));
        migrationBuilder.CreateIndex("IX_query_history_StartedTicks", "query_history", "StartedTicks");
        migrationBuilder.CreateIndex("IX_query_history_UserName_StartedTicks", "query_history", ["UserName", "StartedTicks"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("query_history");
}
