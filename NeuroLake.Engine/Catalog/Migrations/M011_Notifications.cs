using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Migrations;

/// <summary>In-app notifications (failed job runs) and, per reader, which ones they have read.</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration(Id)]
internal sealed class M011_Notifications : Migration
{
    public const string Id = "20261206000011_Notifications";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "notifications",
            columns: c => new
            {
                Id = c.Column<Guid>(nullable: false),
                Kind = c.Column<int>(nullable: false),
                Recipient = c.Column<string>(maxLength: 256, nullable: false),
                JobName = c.Column<string>(maxLength: JobsModel.NameMaxLength, nullable: false),
                JobKind = c.Column<int>(nullable: false),
                TablePath = c.Column<string>(maxLength: JobsModel.PathMaxLength, nullable: true),
                RunId = c.Column<Guid>(nullable: false),
                DefinitionId = c.Column<Guid>(nullable: true),
                Error = c.Text(),
                CreatedAt = c.Time(),
                DeliveryNote = c.Column<string>(maxLength: NotificationsModel.NoteMaxLength, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_notifications", x => x.Id));
        migrationBuilder.CreateIndex("IX_notifications_Recipient_CreatedAt", "notifications", ["Recipient", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_notifications_CreatedAt", "notifications", "CreatedAt");
        migrationBuilder.CreateIndex("IX_notifications_RunId", "notifications", "RunId");

        migrationBuilder.CreateTable(
            name: "notification_reads",
            columns: c => new
            {
                NotificationId = c.Column<Guid>(nullable: false),
                UserName = c.Column<string>(maxLength: 256, nullable: false),
                ReadAt = c.Time(),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_notification_reads", x => new { x.NotificationId, x.UserName });
                t.ForeignKey("FK_notification_reads_notifications_NotificationId", x => x.NotificationId, "notifications", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("notification_reads");
        migrationBuilder.DropTable("notifications");
    }
}
