using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace NeuroLake.Web.Identity.Store.Migrations;

/// <summary>
/// ASP.NET Core Identity's tables (schema version 2) with <see cref="WorkbenchAccount.IsDisabled"/>, and personal access
/// tokens. No store types are named, so the one migration is valid on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(AccountsDbContext))]
[Migration(Id)]
internal sealed class A001_Accounts : Migration
{
    public const string Id = "20261206000001_Accounts";

    private const int NameLength = 256;
    private const int KeyLength = 128;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: c => new
            {
                Id = c.Column<string>(nullable: false),
                Name = c.Column<string>(maxLength: NameLength, nullable: true),
                NormalizedName = c.Column<string>(maxLength: NameLength, nullable: true),
                ConcurrencyStamp = c.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_AspNetRoles", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: c => new
            {
                Id = c.Column<string>(nullable: false),
                IsDisabled = c.Column<bool>(nullable: false),
                UserName = c.Column<string>(maxLength: NameLength, nullable: true),
                NormalizedUserName = c.Column<string>(maxLength: NameLength, nullable: true),
                Email = c.Column<string>(maxLength: NameLength, nullable: true),
                NormalizedEmail = c.Column<string>(maxLength: NameLength, nullable: true),
                EmailConfirmed = c.Column<bool>(nullable: false),
                PasswordHash = c.Column<string>(nullable: true),
                SecurityStamp = c.Column<string>(nullable: true),
                ConcurrencyStamp = c.Column<string>(nullable: true),
                PhoneNumber = c.Column<string>(maxLength: NameLength, nullable: true),
                PhoneNumberConfirmed = c.Column<bool>(nullable: false),
                TwoFactorEnabled = c.Column<bool>(nullable: false),
                LockoutEnd = c.Column<long>(nullable: true),
                LockoutEnabled = c.Column<bool>(nullable: false),
                AccessFailedCount = c.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_AspNetUsers", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: c => new
            {
                Id = Identity(c),
                RoleId = c.Column<string>(nullable: false),
                ClaimType = c.Column<string>(nullable: true),
                ClaimValue = c.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                t.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: c => new
            {
                Id = Identity(c),
                UserId = c.Column<string>(nullable: false),
                ClaimType = c.Column<string>(nullable: true),
                ClaimValue = c.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: c => new
            {
                LoginProvider = c.Column<string>(maxLength: KeyLength, nullable: false),
                ProviderKey = c.Column<string>(maxLength: KeyLength, nullable: false),
                ProviderDisplayName = c.Column<string>(nullable: true),
                UserId = c.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: c => new
            {
                UserId = c.Column<string>(nullable: false),
                RoleId = c.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                t.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: c => new
            {
                UserId = c.Column<string>(nullable: false),
                LoginProvider = c.Column<string>(maxLength: KeyLength, nullable: false),
                Name = c.Column<string>(maxLength: KeyLength, nullable: false),
                Value = c.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "access_tokens",
            columns: c => new
            {
                Id = c.Column<string>(maxLength: AccessTokensModel.IdMaxLength, nullable: false),
                AccountId = c.Column<string>(nullable: false),
                Name = c.Column<string>(maxLength: AccessTokensModel.NameMaxLength, nullable: false),
                SecretHash = c.Column<string>(maxLength: AccessTokensModel.HashLength, nullable: false),
                CreatedAt = c.Column<long>(nullable: false),
                ExpiresAt = c.Column<long>(nullable: false),
                LastUsedAt = c.Column<long>(nullable: true),
                RevokedAt = c.Column<long>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_access_tokens", x => x.Id);
                t.ForeignKey("FK_access_tokens_AspNetUsers_AccountId", x => x.AccountId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_access_tokens_AccountId", "access_tokens", "AccountId");
        migrationBuilder.CreateIndex("IX_access_tokens_SecretHash", "access_tokens", "SecretHash", unique: true);
        migrationBuilder.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");
        migrationBuilder.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);
        migrationBuilder.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");
        migrationBuilder.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        migrationBuilder.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "access_tokens", "AspNetUserTokens", "AspNetUserRoles", "AspNetUserLogins", "AspNetUserClaims", "AspNetRoleClaims", "AspNetUsers", "AspNetRoles" })
        {
            migrationBuilder.DropTable(table);
        }
    }

    // A database-generated integer key; each provider reads its own annotation and ignores the other's.
    private static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder c) =>
        c.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
