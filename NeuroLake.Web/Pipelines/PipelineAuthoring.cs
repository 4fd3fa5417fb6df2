using NeuroLake.Engine.Catalog.Registry;
using NeuroLake.Engine.Governance;

namespace NeuroLake.Web.Pipelines;

/// <summary>
/// The pipeline registry as a user changes it, from the Pipelines page and <c>/api/v1/pipelines</c> alike. Anyone signed
/// in reads it (templates and pipelines are logic, not data: running one checks the runner's privileges on every table it
/// touches). Saving or scheduling a pipeline is for administrators and members of the <c>engineer</c> and <c>analyst</c>
/// groups; viewers and users in no role group only browse. Importing replaces the whole registry, so it is for
/// administrators. Single-user mode allows all. Logic is rendered before it is stored, so a value that does not fit its
/// variable is refused with the template's message and nothing is saved.
/// </summary>
public sealed class PipelineAuthoring(PipelineRegistry pipelines, PatternLibrary patterns, RegistryTransfer transfer, PrivilegeEvaluator privileges, GroupDirectory groups)
{
    /// <summary>The largest registry document an import accepts.</summary>
    public const int MaxImportBytes = 4 * 1024 * 1024;

    public async Task<bool> MaySaveAsync(string user, CancellationToken ct)
    {
        if (await privileges.IsAdminAsync(user, ct))
        {
            return true;
        }

        var memberOf = await groups.GroupsOfAsync(user, ct);
        return memberOf.Any(g => string.Equals(g, RoleGroups.Engineer, StringComparison.OrdinalIgnoreCase)
            || string.Equals(g, RoleGroups.Analyst, StringComparison.OrdinalIgnoreCase));
    }

    /// <exception cref="PermissionDeniedException"><paramref name="user"/> may not save pipelines; the message says whom to ask.</exception>
    public async Task RequireMaySaveAsync(string user, CancellationToken ct)
    {
        if (!await MaySaveAsync(user, ct))
        {
            throw new PermissionDeniedException(
                $"permission denied: saving or scheduling pipelines is for members of groups '{RoleGroups.Engineer}', '{RoleGroups.Analyst}' or '{RoleGroups.Admin}'; ask an administrator to add you to one.");
        }
    }

    /// <summary>The SQL <paramref name="logic"/> runs now; a bad value or unknown template throws a catalog error saying what to fix.</summary>
    public async Task<string> RenderAsync(string pipeline, PipelineLogic logic, CancellationToken ct) =>
        logic.Render(pipeline, await patterns.ListAsync(ct));

    /// <summary>Saves a new pipeline at version 1 as <paramref name="user"/>; returns the SQL it runs.</summary>
    public async Task<string> CreateAsync(string user, string name, string description, IReadOnlyList<string> tags, PipelineLogic logic, CancellationToken ct)
    {
        await RequireMaySaveAsync(user, ct);
        var sql = await RenderAsync(name, logic, ct);
        await pipelines.CreateAsync(name, description, logic.ToJson(), tags, ct);
        return sql;
    }

    /// <summary>Saves <paramref name="logic"/> as the pipeline's next version; returns its number.</summary>
    public async Task<int> UpdateAsync(string user, string name, PipelineLogic logic, string comment, CancellationToken ct)
    {
        await RequireMaySaveAsync(user, ct);
        await RenderAsync(name, logic, ct);
        return await pipelines.UpdateAsync(name, logic.ToJson(), comment, ct);
    }

    /// <summary>Replaces the registry with an exported document; a bad document throws and leaves the registry as it was.</summary>
    public async Task ImportAsync(string user, string json, CancellationToken ct)
    {
        if (!await privileges.IsAdminAsync(user, ct))
        {
            throw new PermissionDeniedException(
                $"permission denied: importing replaces every pipeline and template, so it is for administrators (members of group '{RoleGroups.Admin}'); ask one to do it.");
        }

        await transfer.ImportAsync(json, ct);
    }

    /// <summary>Whether a registry entry matches a search: every word of <paramref name="search"/> in its name, description or tags.</summary>
    public static bool Matches(string? search, string name, string description, IEnumerable<string> tags)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return true;
        }

        var text = $"{name} {description} {string.Join(' ', tags)}";
        return search.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
    }
}
