using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Migrations;

/// <summary>
/// Quality measurements keep the score with its deductions (what to fix) and, apart from them, informational findings;
/// nullable, so measurements taken before stay as they were.
/// </summary>
[DbContext(typeof(CatalogDbContext))]
[Migration(Id)]
internal sealed class M013_QualityFindings : Migration
{
    public const string Id = "20261206000013_QualityFindings";

    private const string Table = "quality_measurements";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("Score", Table, nullable: true);
        migrationBuilder.AddColumn<string>("DeductionsJson", Table, nullable: true);
        migrationBuilder.AddColumn<string>("FindingsJson", Table, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("FindingsJson", Table);
        migrationBuilder.DropColumn("DeductionsJson", Table);
        migrationBuilder.DropColumn("Score", Table);
    }
}
