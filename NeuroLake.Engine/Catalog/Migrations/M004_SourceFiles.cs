using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Migrations;

/// <summary>Source files loaded into tables (name, size, SHA-256), the file end of ingestion lineage.</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration(Id)]
internal sealed class M004_SourceFiles : Migration
{
    public const string Id = "20261122000004_SourceFiles";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "source_files",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                TableId = c.Column<Guid>(nullable: false),
                FileName = c.Column<string>(maxLength: SourceFilesModel.FileNameMaxLength, nullable: false),
                Size = c.Column<long>(nullable: false),
                Sha256 = c.Column<string>(maxLength: 64, nullable: false),
                IngestedAt = c.Time(),
                TableVersion = c.Column<long>(nullable: false),
                ProducerId = c.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_source_files", x => x.Id);
                t.ForeignKey("FK_source_files_tables_TableId", x => x.TableId, "tables", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_source_files_TableId_IngestedAt", "source_files", ["TableId", "IngestedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("source_files");
}
