using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Migrations;

/// <summary>Storage tiering: the placement of each table file moved out of its table's folder, and per-table overrides.</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration(Id)]
internal sealed class M014_Tiering : Migration
{
    public const string Id = "20261206000014_Tiering";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "file_placements",
            columns: c => new
            {
                TableId = c.Column<Guid>(nullable: false),
                Key = c.Column<string>(maxLength: TieringModel.KeyMaxLength, nullable: false),
                Tier = c.Column<int>(nullable: false),
                ObjectUri = c.Column<string>(maxLength: TieringModel.UriMaxLength, nullable: false),
                Size = c.Column<long>(nullable: false),
                Checksum = c.Column<string>(maxLength: 64, nullable: false),
                ETag = c.Column<string>(maxLength: TieringModel.ETagMaxLength, nullable: true),
                ModifiedAt = c.Time(),
                MovedAt = c.Time(),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_file_placements", x => new { x.TableId, x.Key });
                t.ForeignKey("FK_file_placements_tables_TableId", x => x.TableId, "tables", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "table_tier_overrides",
            columns: c => new
            {
                TableId = c.Column<Guid>(nullable: false),
                Override = c.Column<int>(nullable: false),
                SetBy = c.Column<string>(maxLength: 256, nullable: false),
                SetAt = c.Time(),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_table_tier_overrides", x => x.TableId);
                t.ForeignKey("FK_table_tier_overrides_tables_TableId", x => x.TableId, "tables", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("table_tier_overrides");
        migrationBuilder.DropTable("file_placements");
    }
}
