using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Migrations;

/// <summary>Quality time series, usage, lineage edges and the NUIC registry (pipelines, templates).</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration(Id)]
internal sealed class M002_QualityUsageLineageRegistry : Migration
{
    public const string Id = "20261122000002_QualityUsageLineageRegistry";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "quality_measurements",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                TableId = c.Column<Guid>(nullable: false),
                ColumnName = c.Column<string>(maxLength: Identifier.MaxLength, nullable: true),
                MeasuredAt = c.Time(),
                TableVersion = c.Column<long>(nullable: false),
                RowCount = c.Column<long>(nullable: true),
                NullPercent = c.Column<double>(nullable: true),
                DistinctCount = c.Column<long>(nullable: true),
                MinValue = c.Column<string>(nullable: true),
                MaxValue = c.Column<string>(nullable: true),
                FreshnessSeconds = c.Column<double>(nullable: true),
                ChecksJson = c.Text(),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_quality_measurements", x => x.Id);
                t.ForeignKey("FK_quality_measurements_tables_TableId", x => x.TableId, "tables", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_quality_measurements_TableId_MeasuredAt", "quality_measurements", ["TableId", "MeasuredAt"]);

        migrationBuilder.CreateTable(
            name: "usage_days",
            columns: c => new
            {
                TableId = c.Column<Guid>(nullable: false),
                Day = c.Column<DateOnly>(nullable: false),
                UserName = c.Column<string>(maxLength: 256, nullable: false),
                Reads = c.Column<long>(nullable: false),
                Writes = c.Column<long>(nullable: false),
                LastAccessAt = c.Time(),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_usage_days", x => new { x.TableId, x.Day, x.UserName });
                t.ForeignKey("FK_usage_days_tables_TableId", x => x.TableId, "tables", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "co_usage",
            columns: c => new
            {
                FirstTableId = c.Column<Guid>(nullable: false),
                SecondTableId = c.Column<Guid>(nullable: false),
                Count = c.Column<long>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_co_usage", x => new { x.FirstTableId, x.SecondTableId });
                t.ForeignKey("FK_co_usage_tables_FirstTableId", x => x.FirstTableId, "tables", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_co_usage_tables_SecondTableId", x => x.SecondTableId, "tables", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_co_usage_SecondTableId", "co_usage", "SecondTableId");

        migrationBuilder.CreateTable(
            name: "lineage_edges",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                SourceTableId = c.Column<Guid>(nullable: false),
                SourceColumn = c.Column<string>(maxLength: Identifier.MaxLength, nullable: true),
                TargetTableId = c.Column<Guid>(nullable: false),
                TargetColumn = c.Column<string>(maxLength: Identifier.MaxLength, nullable: true),
                ProducerKind = c.Column<int>(nullable: false),
                ProducerId = c.Column<string>(maxLength: 256, nullable: false),
                ProducerText = c.Text(),
                CreatedAt = c.Time(),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_lineage_edges", x => x.Id);
                t.ForeignKey("FK_lineage_edges_tables_SourceTableId", x => x.SourceTableId, "tables", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_lineage_edges_tables_TargetTableId", x => x.TargetTableId, "tables", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_lineage_edges_SourceTableId", "lineage_edges", "SourceTableId");
        migrationBuilder.CreateIndex("IX_lineage_edges_TargetTableId", "lineage_edges", "TargetTableId");

        migrationBuilder.CreateTable(
            name: "pipelines",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                Name = c.Name(),
                Description = c.Text(),
                Tags = c.Text(),
                CurrentVersion = c.Column<int>(nullable: false),
                UsageCount = c.Column<long>(nullable: false),
                CreatedAt = c.Time(),
                UpdatedAt = c.Time(),
            },
            constraints: t => t.PrimaryKey("PK_pipelines", x => x.Id));
        migrationBuilder.CreateIndex("IX_pipelines_Name", "pipelines", "Name", unique: true);

        migrationBuilder.CreateTable(
            name: "pipeline_versions",
            columns: c => new
            {
                PipelineId = c.Column<Guid>(nullable: false),
                Version = c.Column<int>(nullable: false),
                LogicJson = c.Text(),
                Comment = c.Text(),
                CreatedAt = c.Time(),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_pipeline_versions", x => new { x.PipelineId, x.Version });
                t.ForeignKey("FK_pipeline_versions_pipelines_PipelineId", x => x.PipelineId, "pipelines", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "templates",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                Name = c.Name(),
                Description = c.Text(),
                Sql = c.Text(),
                VariablesJson = c.Text(),
                Tags = c.Text(),
                BuiltIn = c.Column<bool>(nullable: false),
                UsageCount = c.Column<long>(nullable: false),
                CreatedAt = c.Time(),
                UpdatedAt = c.Time(),
            },
            constraints: t => t.PrimaryKey("PK_templates", x => x.Id));
        migrationBuilder.CreateIndex("IX_templates_Name", "templates", "Name", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "templates", "pipeline_versions", "pipelines", "lineage_edges", "co_usage", "usage_days", "quality_measurements" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
