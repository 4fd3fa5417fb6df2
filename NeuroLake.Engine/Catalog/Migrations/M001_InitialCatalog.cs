using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Migrations;

/// <summary>Securables (catalog → schema → table → column), schema history and the search index.</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration(Id)]
internal sealed class M001_InitialCatalog : Migration
{
    public const string Id = "20261122000001_InitialCatalog";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "catalogs",
            columns: c =>
            {
                SecurableColumns(c);
                return new { Id = c.Column<Guid>(nullable: false) };
            },
            constraints: t => t.PrimaryKey("PK_catalogs", x => x.Id));
        migrationBuilder.CreateIndex("IX_catalogs_Name", "catalogs", "Name", unique: true);

        migrationBuilder.CreateTable(
            name: "schemas",
            columns: c =>
            {
                SecurableColumns(c);
                return new { Id = c.Column<Guid>(nullable: false), CatalogId = c.Column<Guid>(nullable: false) };
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_schemas", x => x.Id);
                t.ForeignKey("FK_schemas_catalogs_CatalogId", x => x.CatalogId, "catalogs", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_schemas_CatalogId_Name", "schemas", ["CatalogId", "Name"], unique: true);

        migrationBuilder.CreateTable(
            name: "tables",
            columns: c =>
            {
                SecurableColumns(c);
                c.Column<string>(name: "Location", maxLength: 2048, nullable: false);
                c.Column<int>(name: "MinReaderVersion", nullable: false);
                c.Column<int>(name: "MinWriterVersion", nullable: false);
                c.Column<string>(name: "PartitionColumns", nullable: false);
                c.Column<string>(name: "Properties", nullable: false);
                c.Column<long>(name: "CurrentVersion", nullable: false);
                c.Column<long>(name: "SizeBytes", nullable: false);
                c.Column<long>(name: "FileCount", nullable: false);
                c.Column<int>(name: "SchemaVersion", nullable: false);
                return new { Id = c.Column<Guid>(nullable: false), SchemaId = c.Column<Guid>(nullable: false) };
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_tables", x => x.Id);
                t.ForeignKey("FK_tables_schemas_SchemaId", x => x.SchemaId, "schemas", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_tables_SchemaId_Name", "tables", ["SchemaId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_tables_Location", "tables", "Location", unique: true);

        migrationBuilder.CreateTable(
            name: "columns",
            columns: c =>
            {
                SecurableColumns(c);
                c.Column<int>(name: "Ordinal", nullable: false);
                c.Column<string>(name: "TypeText", maxLength: 4000, nullable: false);
                c.Column<bool>(name: "Nullable", nullable: false);
                c.Column<string>(name: "SemanticType", maxLength: 128, nullable: true);
                c.Column<string>(name: "PiiType", maxLength: 128, nullable: true);
                c.Column<double>(name: "PiiConfidence", nullable: true);
                c.Column<int>(name: "PiiSource", nullable: true);
                return new { Id = c.Column<Guid>(nullable: false), TableId = c.Column<Guid>(nullable: false) };
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_columns", x => x.Id);
                t.ForeignKey("FK_columns_tables_TableId", x => x.TableId, "tables", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_columns_TableId_Name", "columns", ["TableId", "Name"], unique: true);

        migrationBuilder.CreateTable(
            name: "schema_versions",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                TableId = c.Column<Guid>(nullable: false),
                Version = c.Column<int>(nullable: false),
                TableVersion = c.Column<long>(nullable: false),
                RecordedAt = c.Time(),
                FieldsJson = c.Text(),
                ChangesJson = c.Text(),
                Severity = c.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_schema_versions", x => x.Id);
                t.ForeignKey("FK_schema_versions_tables_TableId", x => x.TableId, "tables", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_schema_versions_TableId_Version", "schema_versions", ["TableId", "Version"], unique: true);

        migrationBuilder.CreateTable(
            name: "search_documents",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                Kind = c.Column<int>(nullable: false),
                SchemaId = c.Column<Guid>(nullable: false),
                TableId = c.Column<Guid>(nullable: true),
                QualifiedName = c.Column<string>(maxLength: 520, nullable: false),
                Name = c.Name(),
                SchemaNameLower = c.Name(),
                OwnerLower = c.Column<string>(maxLength: 256, nullable: false),
                HasPii = c.Column<bool>(nullable: false),
                Description = c.Text(),
            },
            constraints: t => t.PrimaryKey("PK_search_documents", x => x.Id));
        migrationBuilder.CreateIndex("IX_search_documents_TableId", "search_documents", "TableId");
        migrationBuilder.CreateIndex("IX_search_documents_SchemaId", "search_documents", "SchemaId");

        migrationBuilder.CreateTable(
            name: "search_terms",
            columns: c => new
            {
                DocumentId = c.Column<Guid>(nullable: false),
                Source = c.Column<int>(nullable: false),
                Kind = c.Column<int>(nullable: false),
                Term = c.Column<string>(
                    maxLength: Identifier.MaxLength, nullable: false, collation: migrationBuilder.IsPostgres() ? "C" : null),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_search_terms", x => new { x.DocumentId, x.Source, x.Term });
                t.ForeignKey("FK_search_terms_search_documents_DocumentId", x => x.DocumentId, "search_documents", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_search_terms_Source_Kind_Term_DocumentId", "search_terms", ["Source", "Kind", "Term", "DocumentId"]);
        migrationBuilder.CreateIndex("IX_search_terms_Term_Kind_Source_DocumentId", "search_terms", ["Term", "Kind", "Source", "DocumentId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "search_terms", "search_documents", "schema_versions", "columns", "tables", "schemas", "catalogs" })
        {
            migrationBuilder.DropTable(table);
        }
    }

    private static void SecurableColumns(ColumnsBuilder c)
    {
        c.Column<string>(name: "Name", maxLength: Identifier.MaxLength, nullable: false);
        c.Column<string>(name: "Owner", maxLength: 256, nullable: false);
        c.Column<string>(name: "Description", nullable: false);
        c.Column<string>(name: "Tags", nullable: false);
        c.Column<long>(name: "CreatedAt", nullable: false);
        c.Column<long>(name: "UpdatedAt", nullable: false);
    }
}
