using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Governance.Audit;

namespace NeuroLake.Engine.Catalog.Migrations;

/// <summary>
/// The audit log: append-only. A trigger refuses every UPDATE on both providers, so no code path (ours or a
/// hand-run statement through the app's connection) can rewrite what happened; rows only leave by retention.
/// </summary>
[DbContext(typeof(CatalogDbContext))]
[Migration(Id)]
internal sealed class M007_AuditLog : Migration
{
    public const string Id = "20261206000007_AuditLog";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: AuditModel.Table,
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                At = c.Time(),
                AtTicks = c.Column<long>(nullable: false),
                UserName = c.Column<string>(maxLength: AuditModel.UserMaxLength, nullable: false),
                Action = c.Column<string>(maxLength: AuditModel.ActionMaxLength, nullable: false),
                Target = c.Column<string>(maxLength: AuditModel.TargetMaxLength, nullable: false),
                TargetSearch = c.Column<string>(maxLength: AuditModel.TargetMaxLength, nullable: false),
                Outcome = c.Column<string>(maxLength: AuditModel.ActionMaxLength, nullable: false),
                Details = c.Text(),
            },
            constraints: t => t.PrimaryKey("PK_audit_log", x => x.Id));
        migrationBuilder.CreateIndex("IX_audit_log_AtTicks", AuditModel.Table, "AtTicks");
        migrationBuilder.CreateIndex("IX_audit_log_UserName_AtTicks", AuditModel.Table, ["UserName", "AtTicks"]);
        migrationBuilder.CreateIndex("IX_audit_log_Action_AtTicks", AuditModel.Table, ["Action", "AtTicks"]);
        if (migrationBuilder.IsPostgres())
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit_log is append-only: entries cannot be changed'; END $$;
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed'); END;
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(AuditModel.Table);
        if (migrationBuilder.IsPostgres())
        {
            migrationBuilder.Sql("DROP FUNCTION audit_log_append_only();");
        }
    }
}
