using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables.Operations;

namespace NeuroLake.Engine.Query.Service;

/// <summary>Runs GRANT, REVOKE, SHOW GRANTS, ALTER ... OWNER TO and ALTER TABLE ... ROW FILTER.</summary>
internal sealed class GovernanceCommands(
    PrivilegeEvaluator privileges, GrantStore grants, GroupDirectory groups, TablePolicies policies, TableResolver resolver,
    DuckDbDatabase duckDb, string catalogName, TimeProvider time)
{
    public async Task<StatementOutcome> RunAsync(GovernanceStatement statement, QueryRequest request, CancellationToken ct)
    {
        switch (statement.Kind)
        {
            case StatementKind.Grant:
                await grants.GrantAsync(request.User, statement.Privileges, Securable(statement.On!, request), await PrincipalAsync(statement.Principal!, ct), ct);
                return StatementOutcome.Empty;
            case StatementKind.Revoke:
                var removed = await grants.RevokeAsync(request.User, statement.Privileges, Securable(statement.On!, request), await PrincipalAsync(statement.Principal!, ct), ct);
                return StatementOutcome.Empty with { RowsAffected = removed };
            case StatementKind.ShowGrants:
                return await ShowAsync(statement, request, ct);
            case StatementKind.AlterOwner:
                await grants.SetOwnerAsync(request.User, Securable(statement.On!, request).Path!, await PrincipalAsync(statement.Principal!, ct), ct);
                return StatementOutcome.Empty;
            default:
                return await RowFilterAsync(statement, request, ct);
        }
    }

    private async Task<StatementOutcome> ShowAsync(GovernanceStatement statement, QueryRequest request, CancellationToken ct)
    {
        var on = statement.On is null ? null : Securable(statement.On, request);
        var to = statement.Principal is null ? null : await PrincipalAsync(statement.Principal, ct);
        var listed = await grants.ListAsync(request.User, on, to, ct);
        return new StatementOutcome(
            [
                new ResultColumn("principal", "VARCHAR"), new ResultColumn("principal_type", "VARCHAR"), new ResultColumn("privilege", "VARCHAR"),
                new ResultColumn("object_type", "VARCHAR"), new ResultColumn("object_name", "VARCHAR"),
                new ResultColumn("granted_by", "VARCHAR"), new ResultColumn("granted_at", "TIMESTAMP WITH TIME ZONE"),
            ],
            listed.Select(g => new object?[]
            {
                g.Principal.Name, g.Principal.Kind.ToString().ToUpperInvariant(), PrivilegeNames.Sql(g.Privilege),
                g.Securable.Level.ToString().ToUpperInvariant(), g.Securable.Path?.ToString(), g.GrantedBy, g.GrantedAt,
            }).ToList());
    }

    private async Task<StatementOutcome> RowFilterAsync(GovernanceStatement statement, QueryRequest request, CancellationToken ct)
    {
        var path = Securable(statement.On!, request).Path!;
        if (statement.Predicate is null)
        {
            var dropped = await policies.DropRowFilterAsync(request.User, path, statement.Group!, ct);
            return StatementOutcome.Empty with { RowsAffected = dropped ? 1 : 0 };
        }

        // Owners only, before the table's columns show up in a validation message.
        if (!(await privileges.AccessAsync(request.User, Governance.Securable.Of(path), ct)).IsOwnerOrAdmin)
        {
            throw PermissionDeniedException.NotOwner("setting a row filter on", Governance.Securable.Of(path));
        }

        var snapshot = await resolver.LatestAsync(new SchemaTableName(path.Schema!, path.Table!), ct);
        RowFilterCheck.Validate(statement.Predicate, snapshot.Schema, duckDb, ct);
        await policies.SetRowFilterAsync(request.User, path, statement.Group!, statement.Predicate, time.GetUtcNow(), ct);
        return StatementOutcome.Empty with { RowsAffected = 1 };
    }

    /// <summary>A bare name is a group when one by that name exists, else a user.</summary>
    private async Task<Principal> PrincipalAsync(PrincipalName name, CancellationToken ct) => name.Kind switch
    {
        PrincipalKind.User => Principal.User(name.Name),
        PrincipalKind.Group => Principal.Group(name.Name),
        _ => await groups.GroupExistsAsync(name.Name, ct) ? Principal.Group(name.Name) : Principal.User(name.Name),
    };

    /// <summary>Names resolve like table names: <c>t</c> in the default schema, <c>s.t</c> and <c>s</c> in the service's catalog.</summary>
    private Securable Securable(SecurableName name, QueryRequest request)
    {
        var parts = name.Name?.Parts ?? [];
        var path = (name.Level, parts.Count) switch
        {
            (SecurableLevel.Metastore, _) => null,
            (SecurableLevel.Catalog, 1) => new SecurablePath(parts[0]),
            (SecurableLevel.Schema, 1) => new SecurablePath(catalogName, parts[0]),
            (SecurableLevel.Schema, 2) => new SecurablePath(parts[0], parts[1]),
            (SecurableLevel.Table, 1) => new SecurablePath(catalogName, request.DefaultSchema, parts[0]),
            (SecurableLevel.Table, 2) => new SecurablePath(catalogName, parts[0], parts[1]),
            (SecurableLevel.Table, 3) => new SecurablePath(parts[0], parts[1], parts[2]),
            _ => throw new QueryRefusedException($"'{name.Name}' has too many parts for a {name.Level.ToString().ToLowerInvariant()}: name it as catalog[.schema[.table]]."),
        };
        foreach (var part in path is null ? [] : new[] { path.Catalog, path.Schema, path.Table }.OfType<string>())
        {
            SqlIdentifier.Validate(part, name.Level.ToString().ToLowerInvariant(), name.Name!.Span);
        }

        return new Securable(path);
    }
}
