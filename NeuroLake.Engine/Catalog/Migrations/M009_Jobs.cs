using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Migrations;

/// <summary>Recurring job definitions (kept here so a paused job stays paused) and the history of job runs.</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration(Id)]
internal sealed class M009_Jobs : Migration
{
    public const string Id = "20261206000009_Jobs";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "job_definitions",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                Name = c.Column<string>(maxLength: JobsModel.NameMaxLength, nullable: false),
                Kind = c.Column<int>(nullable: false),
                TablePath = c.Column<string>(maxLength: JobsModel.PathMaxLength, nullable: true),
                Cron = c.Column<string>(maxLength: 200, nullable: false),
                TimeZone = c.Column<string>(maxLength: 100, nullable: false),
                SettingsJson = c.Text(),
                Owner = c.Column<string>(maxLength: 256, nullable: false),
                PausedAt = c.Column<long>(nullable: true),
                PausedBy = c.Column<string>(maxLength: 256, nullable: true),
                CreatedAt = c.Time(),
                UpdatedAt = c.Time(),
            },
            constraints: t => t.PrimaryKey("PK_job_definitions", x => x.Id));
        migrationBuilder.CreateIndex("IX_job_definitions_TablePath", "job_definitions", "TablePath");

        migrationBuilder.CreateTable(
            name: "job_runs",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                DefinitionId = c.Column<Guid>(nullable: true),
                Kind = c.Column<int>(nullable: false),
                TablePath = c.Column<string>(maxLength: JobsModel.PathMaxLength, nullable: true),
                TriggeredBy = c.Column<string>(maxLength: 256, nullable: false),
                Status = c.Column<int>(nullable: false),
                QueuedAt = c.Time(),
                StartedAt = c.Column<long>(nullable: true),
                FinishedAt = c.Column<long>(nullable: true),
                Progress = c.Column<double>(nullable: false),
                Step = c.Column<string>(maxLength: 500, nullable: false),
                Summary = c.Column<string>(nullable: true),
                Error = c.Column<string>(nullable: true),
                ExternalId = c.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_job_runs", x => x.Id));
        migrationBuilder.CreateIndex("IX_job_runs_QueuedAt", "job_runs", "QueuedAt");
        migrationBuilder.CreateIndex("IX_job_runs_DefinitionId_QueuedAt", "job_runs", ["DefinitionId", "QueuedAt"]);
        migrationBuilder.CreateIndex("IX_job_runs_Status", "job_runs", "Status");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("job_runs");
        migrationBuilder.DropTable("job_definitions");
    }
}
