using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Checks a statement against its user's privileges before anything is resolved, so a refusal reads the same whether
/// or not the table exists: reads need USE CATALOG, USE SCHEMA and SELECT; writes MODIFY (DELETE, UPDATE and MERGE
/// also read their target: SELECT); CREATE TABLE needs CREATE TABLE on the schema, CREATE SCHEMA on the catalog;
/// ALTER and DROP need ownership. Row changes evaluate their conditions on the stored values, so they are refused
/// on a target whose columns are masked or rows filtered for the user.
/// </summary>
internal sealed class StatementAuthorizer(PrivilegeEvaluator privileges, TablePolicies policies, string catalogName)
{
    private static readonly Privilege[] Read = [Privilege.UseCatalog, Privilege.UseSchema, Privilege.Select];
    private static readonly Privilege[] Write = [Privilege.UseCatalog, Privilege.UseSchema, Privilege.Modify];
    private static readonly Privilege[] ReadWrite = [.. Read, Privilege.Modify];

    /// <exception cref="PermissionDeniedException">A privilege is missing; names it and the securable.</exception>
    public async Task AuthorizeAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        if (!privileges.Enforced)
        {
            return;
        }

        var checks = analysis.Reads.Select(r => (Path: Table(r.Name, request), Needs: Read)).ToList();
        var target = analysis.Classification.Target;
        var owned = false;
        switch (analysis.Kind)
        {
            case StatementKind.CreateSchema:
                checks.Add((new SecurablePath(catalogName, SqlIdentifier.Validate(target!.Name, "schema", target.Span)), [Privilege.UseCatalog, Privilege.CreateSchema]));
                break;
            case StatementKind.DropSchema:
                checks.Add((new SecurablePath(catalogName, SqlIdentifier.Validate(target!.Name, "schema", target.Span)), []));
                owned = true;
                break;
            case StatementKind.CreateTable or StatementKind.CreateTableAsSelect or StatementKind.CreateExternalTable:
                checks.Add((Table(target!, request), [Privilege.UseCatalog, Privilege.UseSchema, Privilege.CreateTable]));
                break;
            case StatementKind.Insert or StatementKind.InsertOverwrite or StatementKind.Optimize or StatementKind.Vacuum or StatementKind.RestoreTable:
                checks.Add((Table(target!, request), Write));
                break;
            case StatementKind.Delete or StatementKind.Update or StatementKind.Merge:
                checks.Add((Table(target!, request), ReadWrite));
                break;
            case StatementKind.Describe or StatementKind.DescribeDetail or StatementKind.DescribeHistory when target is not null:
                checks.Add((Table(target, request), Read));
                break;
            case StatementKind.AlterTable or StatementKind.DropTable:
                checks.Add((Table(target!, request), []));
                owned = true;
                break;
        }

        if (checks.Count == 0)
        {
            return;
        }

        var access = await privileges.AccessAsync(request.User, checks.Select(c => c.Path).ToList(), ct);
        foreach (var (path, needs) in checks)
        {
            PrivilegeEvaluator.Require(access[path], needs);
        }

        if (owned && !access[checks[^1].Path].IsOwnerOrAdmin)
        {
            var verb = analysis.Kind is StatementKind.AlterTable ? "ALTER on" : "DROP on";
            throw PermissionDeniedException.NotOwner(verb, new Securable(checks[^1].Path));
        }

        if (analysis.Kind is StatementKind.Delete or StatementKind.Update or StatementKind.Merge
            && !(await policies.ForReaderAsync(request.User, checks[^1].Path, ct)).IsEmpty)
        {
            throw PermissionDeniedException.Governed(analysis.Kind.ToString().ToUpperInvariant(), new Securable(checks[^1].Path));
        }
    }

    private SecurablePath Table(TableName name, QueryRequest request)
    {
        var table = name.ToSchemaTable(request.DefaultSchema);
        return SecurablePath.ForTable(catalogName, table.Schema, table.Table);
    }
}
