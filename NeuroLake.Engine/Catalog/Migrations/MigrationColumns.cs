using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace NeuroLake.Engine.Catalog.Migrations;

/// <summary>
/// Column shapes shared by the hand-written migrations. No store types are named: each provider maps the
/// CLR type itself, which keeps one migration valid on SQLite and PostgreSQL.
/// </summary>
internal static class MigrationColumns
{
    public const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static bool IsPostgres(this MigrationBuilder builder) => builder.ActiveProvider == PostgresProvider;

    /// <summary>Times are Unix milliseconds (see <c>UnixMillisecondsConverter</c>).</summary>
    public static OperationBuilder<AddColumnOperation> Time(this ColumnsBuilder columns) => columns.Column<long>(nullable: false);

    public static OperationBuilder<AddColumnOperation> Name(this ColumnsBuilder columns) =>
        columns.Column<string>(maxLength: Identifier.MaxLength, nullable: false);

    public static OperationBuilder<AddColumnOperation> Text(this ColumnsBuilder columns) => columns.Column<string>(nullable: false);
}
