using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Migrations;

/// <summary>Run-time settings an administrator overrode in Admin → Settings.</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration(Id)]
internal sealed class M010_Settings : Migration
{
    public const string Id = "20261206000010_Settings";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "settings",
            columns: c => new
            {
                Key = c.Column<string>(maxLength: SettingsModel.KeyMaxLength, nullable: false),
                ValueJson = c.Text(),
                UpdatedBy = c.Column<string>(maxLength: 256, nullable: false),
                UpdatedAt = c.Time(),
            },
            constraints: t => t.PrimaryKey("PK_settings", x => x.Key));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("settings");
}
