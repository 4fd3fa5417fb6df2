using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Migrations;

/// <summary>The catalog as commit coordinator: one row per (table location, log key), written before the log object.</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration(Id)]
internal sealed class M005_RatifiedCommits : Migration
{
    public const string Id = "20261206000005_RatifiedCommits";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "ratified_commits",
            columns: c => new
            {
                Location = c.Column<string>(maxLength: CommitsModel.LocationMaxLength, nullable: false),
                Key = c.Column<string>(maxLength: CommitsModel.KeyMaxLength, nullable: false),
                Content = c.Column<byte[]>(nullable: false),
                RatifiedAt = c.Time(),
            },
            constraints: t => t.PrimaryKey("PK_ratified_commits", x => new { x.Location, x.Key }));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ratified_commits");
}
