using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Jobs;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Jobs;

/// <summary>
/// Which jobs and runs the Jobs page and <c>/api/v1/jobs</c> show a user: one about a table only to those who may
/// SELECT it, since its name, schedule, step and error text all name the table (the catalog's rule, through
/// <see cref="VisibleTables"/>); jobs about no table (lakehouse-wide ones) to everyone signed in. Administrators hold
/// every privilege, so they see everything; in Single mode nothing is filtered. Jobs of administrative kinds (backup,
/// verify: they cover every table and the repository) only administrators see. A hidden job answers like a missing one.
/// </summary>
public sealed class VisibleJobs(JobDefinitionStore definitions, JobRunStore runs, VisibleTables tables, PrivilegeEvaluator privileges)
{
    private static readonly JobKind[] AdministrativeKinds = [.. Enum.GetValues<JobKind>().Where(JobKindText.IsAdministrative)];

    /// <summary>The definitions <paramref name="user"/> may see, optionally only those of <paramref name="table"/>.</summary>
    public async Task<IReadOnlyList<JobDefinition>> ListAsync(string user, SecurablePath? table = null, CancellationToken ct = default)
    {
        var all = await definitions.ListAsync(table, ct);
        if (!await privileges.IsAdminAsync(user, ct))
        {
            all = [.. all.Where(j => !JobKindText.IsAdministrative(j.Kind))];
        }

        var readable = await tables.SelectableAsync(user, all.Where(j => j.Table is not null).Select(j => j.Table!), ct);
        return all.Where(j => j.Table is null || readable.Contains(j.Table.TablePath)).ToList();
    }

    /// <summary>The definition, or null when it does not exist or <paramref name="user"/> may not see it.</summary>
    public async Task<JobDefinition?> FindAsync(string user, Guid id, CancellationToken ct = default) =>
        await definitions.FindAsync(id, ct) is { } job && await MayShowAsync(user, job.Kind, job.Table, ct) ? job : null;

    /// <summary>The run, or null when it does not exist or <paramref name="user"/> may not see it.</summary>
    public async Task<JobRun?> FindRunAsync(string user, Guid id, CancellationToken ct = default) =>
        await runs.FindAsync(id, ct) is { } run && await MayShowAsync(user, run.Kind, run.Table, ct) ? run : null;

    /// <summary>A page of the runs <paramref name="user"/> may see; the total counts only those.</summary>
    public async Task<JobRunPage> SearchRunsAsync(string user, JobRunQuery query, CancellationToken ct = default)
    {
        if (query.Table is { } asked && !await tables.CanSelectAsync(user, asked, ct))
        {
            return new JobRunPage([], 0);
        }

        var mentioned = await runs.TablesAsync(ct);
        var readable = await tables.SelectableAsync(user, mentioned, ct);
        var hidden = mentioned.Where(t => !readable.Contains(t.TablePath)).ToList();
        var hiddenKinds = await privileges.IsAdminAsync(user, ct) ? [] : AdministrativeKinds;
        return await runs.SearchAsync(query with { HiddenTables = hidden, HiddenKinds = hiddenKinds }, ct);
    }

    private async Task<bool> MayShowAsync(string user, JobKind kind, SecurablePath? table, CancellationToken ct) =>
        (!JobKindText.IsAdministrative(kind) || await privileges.IsAdminAsync(user, ct))
        && (table is null || await tables.CanSelectAsync(user, table, ct));
}
