using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Cost.Recommendations;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Web.Api.Operations;
using NeuroLake.Web.Api.Tables;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Components.Pages.Catalog;

namespace NeuroLake.Web.Cost;

/// <summary>A recommendation as one user sees it: whether they may run its action (MODIFY on its table, as maintenance needs).</summary>
public sealed record RecommendationRow(CostRecommendation Item, bool CanRun);

/// <summary>The recommendations a user may see, and the tables that could not be examined.</summary>
public sealed record RecommendationList(IReadOnlyList<RecommendationRow> Rows, IReadOnlyList<string> Unexamined);

/// <summary>No recommendation has that id for the caller: unknown, or about a table they may not SELECT (answered alike).</summary>
public sealed class RecommendationNotFoundException(string message) : NeuroLakeException(message);

/// <summary>The recommendation no longer applies (its action ran, or the table changed); the list, refreshed, says what does.</summary>
public sealed class RecommendationGoneException(string message) : NeuroLakeException(message);

/// <summary>
/// The Cost page's and <c>/api/v1/cost/recommendations</c>'s recommendations and their one action. Lists what
/// <see cref="CostVisibility"/> lets the user see; running an action checks, in the order that reveals nothing, that
/// the user may SELECT the table (else "not found"), holds MODIFY on it (as OPTIMIZE and VACUUM need), and that the
/// recommendation, computed again for that table, still applies; then its statement runs as the user in the
/// background (<see cref="OperationRegistry"/>), so privileges, history and audit are those of SQL.
/// </summary>
public sealed class CostRecommendationActions(
    CostRecommender recommender, CostReports reports, CostVisibility visibility, TablePrivileges tablePrivileges, PrivilegeEvaluator privileges,
    QueryService queries, OperationRegistry operations, TieringNow tiering)
{
    public int Days => recommender.Options.Days;

    /// <exception cref="CostException">No price book is saved yet.</exception>
    public async Task<CostAnswer<RecommendationList>> ListAsync(string user, CancellationToken ct = default)
    {
        var (book, scope) = await reports.BookAndScopeAsync(user, ct);
        var found = await recommender.RecommendAsync(book.Prices, scope, ct: ct);
        var rows = new List<RecommendationRow>();
        var mayModify = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var item in found.Items)
        {
            // Tier moves reach an administrator only (their scope is everything), who may run tiering.
            var canRun = item.Action == RecommendedAction.Tiering
                || (item is { Action: not RecommendedAction.None, Table: { } table }
                    && (mayModify.TryGetValue(table, out var known) ? known : mayModify[table] = await MayMaintainAsync(user, table, ct)));
            rows.Add(new RecommendationRow(item, canRun));
        }

        return new(book, scope.IsEverything, new RecommendationList(rows, found.Unexamined));
    }

    /// <summary>Starts the action of recommendation <paramref name="id"/> (e.g. <c>Vacuum:main.sales.orders</c>) as <paramref name="user"/>.</summary>
    /// <exception cref="RecommendationNotFoundException">No such recommendation for the user.</exception>
    /// <exception cref="PermissionDeniedException">The user may not run maintenance on the table.</exception>
    /// <exception cref="RecommendationGoneException">It no longer applies.</exception>
    public async Task<TableOperation> StartAsync(string user, string id, CancellationToken ct = default)
    {
        var (kind, table) = Parse(id);
        if (table is null || !await visibility.CanSeeTableAsync(user, table, ct))
        {
            throw NotFound(id);
        }

        if (kind == RecommendationKind.TierMove)
        {
            return await StartTieringAsync(user, id, table, ct);
        }

        if (kind is not (RecommendationKind.Vacuum or RecommendationKind.SmallFiles or RecommendationKind.ZOrder))
        {
            throw new CostException($"A {kind} recommendation has no action to run: only VACUUM, small-file, Z-order and tier-move recommendations do.");
        }

        if (!string.Equals(table.Catalog, TableName.Catalog, StringComparison.OrdinalIgnoreCase))
        {
            throw new CostException($"{table} is in catalog {table.Catalog}; maintenance runs as SQL, which reaches the tables of catalog {TableName.Catalog}.");
        }

        await tablePrivileges.RequireAsync(user, table, Privilege.Modify, ct);
        var (book, scope) = await reports.BookAndScopeAsync(user, ct);
        var current = (await recommender.RecommendAsync(book.Prices, scope, table.ToString(), ct)).Items.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? throw new RecommendationGoneException($"'{id}' no longer applies: its action has run or the table changed. Refresh the recommendations.");
        var name = new TableName(table.Schema!, table.Table!);
        var sql = current.Action == RecommendedAction.Vacuum
            ? MaintenanceStatements.Vacuum(name, current.RetainHours ?? MaintenanceStatements.DefaultRetentionHours, dryRun: false)
            : MaintenanceStatements.Optimize(name, current.ZOrderBy);
        return operations.Start(user, current.Action.ToString().ToLowerInvariant(), table.ToString(), async c =>
            StatementJson.Of((await queries.ExecuteAsync(sql, new QueryRequest(user, RowLimit: VacuumPreview.ListedFiles), c))[^1]));
    }

    /// <summary>A tier move runs the tiering plan as the tiering job (administrators only); the operation ends with the run.</summary>
    private async Task<TableOperation> StartTieringAsync(string user, string id, SecurablePath table, CancellationToken ct)
    {
        if (!await privileges.IsAdminAsync(user, ct))
        {
            // Non-administrators never see tier moves: answered as for any recommendation they cannot see.
            throw NotFound(id);
        }

        var (book, scope) = await reports.BookAndScopeAsync(user, ct);
        if (!(await recommender.RecommendAsync(book.Prices, scope, table.ToString(), ct)).Items.Any(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RecommendationGoneException($"'{id}' no longer applies: the tiering plan has no move for {table} now. Refresh the recommendations.");
        }

        return operations.Start(user, "tiering", table.ToString(), c => tiering.RunAsync(user, c));
    }

    private async Task<bool> MayMaintainAsync(string user, string table, CancellationToken ct) =>
        TableOf(table) is { } path
        && string.Equals(path.Catalog, TableName.Catalog, StringComparison.OrdinalIgnoreCase)
        && await privileges.HasAsync(user, Securable.Of(path), Privilege.Modify, ct);

    private static (RecommendationKind Kind, SecurablePath? Table) Parse(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !Enum.TryParse<RecommendationKind>(id[..colon], ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            throw NotFound(id);
        }

        return (kind, TableOf(id[(colon + 1)..]));
    }

    // A name that is not a table path is no recommendation's, rather than an error to explain.
    private static SecurablePath? TableOf(string name)
    {
        try
        {
            return SecurablePath.Parse(name) is { Table: not null } path ? path : null;
        }
        catch (CatalogException)
        {
            return null;
        }
    }

    private static RecommendationNotFoundException NotFound(string id) =>
        new($"There is no recommendation '{id}' for you: list them with GET /api/v1/cost/recommendations and use an id from there.");
}
