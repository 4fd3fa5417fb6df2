using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Governance;

namespace NeuroLake.Engine.Catalog.Migrations;

/// <summary>Groups, members, grants and row filters; seeds the role groups and their default grants (see <see cref="RoleGroups"/>).</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration(Id)]
internal sealed class M006_Governance : Migration
{
    public const string Id = "20261206000006_Governance";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "groups",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                Name = c.Name(),
                Description = c.Column<string>(maxLength: 1000, nullable: false),
                CreatedAt = c.Time(),
            },
            constraints: t => t.PrimaryKey("PK_groups", x => x.Id));
        migrationBuilder.CreateIndex("IX_groups_Name", "groups", "Name", unique: true);

        migrationBuilder.CreateTable(
            name: "group_members",
            columns: c => new
            {
                GroupId = c.Column<Guid>(nullable: false),
                UserName = c.Column<string>(maxLength: GovernanceModel.PrincipalMaxLength, nullable: false),
                AddedAt = c.Time(),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_group_members", x => new { x.GroupId, x.UserName });
                t.ForeignKey("FK_group_members_groups_GroupId", x => x.GroupId, "groups", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_group_members_UserName", "group_members", "UserName");

        migrationBuilder.CreateTable(
            name: "grants",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                Level = c.Column<int>(nullable: false),
                SecurableId = c.Column<Guid>(nullable: false),
                PrincipalKind = c.Column<int>(nullable: false),
                Principal = c.Column<string>(maxLength: GovernanceModel.PrincipalMaxLength, nullable: false),
                Privilege = c.Column<string>(maxLength: GovernanceModel.PrivilegeMaxLength, nullable: false),
                GrantedBy = c.Column<string>(maxLength: GovernanceModel.PrincipalMaxLength, nullable: false),
                GrantedAt = c.Time(),
            },
            constraints: t => t.PrimaryKey("PK_grants", x => x.Id));
        migrationBuilder.CreateIndex(
            "IX_grants_SecurableId_PrincipalKind_Principal_Privilege", "grants", ["SecurableId", "PrincipalKind", "Principal", "Privilege"], unique: true);
        migrationBuilder.CreateIndex("IX_grants_PrincipalKind_Principal", "grants", ["PrincipalKind", "Principal"]);

        migrationBuilder.CreateTable(
            name: "row_filters",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                TableId = c.Column<Guid>(nullable: false),
                GroupName = c.Name(),
                Predicate = c.Column<string>(maxLength: GovernanceModel.PredicateMaxLength, nullable: false),
                CreatedBy = c.Column<string>(maxLength: GovernanceModel.PrincipalMaxLength, nullable: false),
                CreatedAt = c.Time(),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_row_filters", x => x.Id);
                t.ForeignKey("FK_row_filters_tables_TableId", x => x.TableId, "tables", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_row_filters_TableId_GroupName", "row_filters", ["TableId", "GroupName"], unique: true);

        SeedRoles(migrationBuilder);
    }

    /// <summary>
    /// Plain INSERTs valid on both providers (hand-written migrations have no model for InsertData). Ids are digits
    /// only, so SQLite's text GUIDs compare equal whatever case EF writes later ones in.
    /// </summary>
    private static void SeedRoles(MigrationBuilder migrationBuilder)
    {
        var grant = 0;
        for (var i = 0; i < RoleGroups.All.Count; i++)
        {
            var role = RoleGroups.All[i];
            migrationBuilder.Sql(
                $"INSERT INTO groups (\"Id\", \"Name\", \"Description\", \"CreatedAt\") VALUES ('{SeedId(0, i + 1)}', '{role}', {Literal(RoleGroups.Description(role))}, 0)");
            foreach (var privilege in RoleGroups.DefaultGrants[role])
            {
                migrationBuilder.Sql(
                    "INSERT INTO grants (\"Id\", \"Level\", \"SecurableId\", \"PrincipalKind\", \"Principal\", \"Privilege\", \"GrantedBy\", \"GrantedAt\") " +
                    $"VALUES ('{SeedId(1, ++grant)}', {(int)SecurableLevel.Metastore}, '{Guid.Empty}', {(int)PrincipalKind.Group}, '{role}', '{privilege}', 'system', 0)");
            }
        }
    }

    private static string SeedId(int kind, int n) => $"00000000-0000-0000-{kind:D4}-{n:D12}";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("row_filters");
        migrationBuilder.DropTable("grants");
        migrationBuilder.DropTable("group_members");
        migrationBuilder.DropTable("groups");
    }
}
