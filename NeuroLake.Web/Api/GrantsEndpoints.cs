using NeuroLake.Engine.Governance;
using NeuroLake.Web.Api.Admin;
using NeuroLake.Web.Audit;
using NeuroLake.Web.Governance;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/grants</c>: what Admin → Grants does — grants on a securable or of a principal, what a user effectively
/// holds and why, GRANT and REVOKE. Not administrators only: the engine's <see cref="GrantStore"/> decides, as for SQL
/// GRANT (administrators, and owners of the securable or an ancestor), shows others only the grants they may see, and
/// each change is audited as its SQL statement through <see cref="AuditedGrants"/>.
/// </summary>
public static class GrantsEndpoints
{
    public static IEndpointRouteBuilder MapGrantsApi(this IEndpointRouteBuilder app)
    {
        var grants = app.MapGroup("/api/v1/grants").WithTags("Grants");
        grants.MapGet("/", (string? on, string? user, string? group, GrantStore store, IWorkbenchUser caller, CancellationToken ct) =>
                AdminApi.HandleAsync("Invalid grants request", async () =>
                {
                    var securable = string.IsNullOrWhiteSpace(on) ? null : SecurableInput.Parse(on);
                    var principal = GrantRequestReader.Principal(user, group);
                    if (securable is null && principal is null)
                    {
                        throw new FormatException("Say what to list: ?on=metastore or catalog[.schema[.table]], and/or ?user= or ?group=.");
                    }

                    return Results.Ok((await store.ListAsync(caller.Name, securable, principal, ct)).Select(GrantJson.From).ToList());
                }))
            .WithName("ListGrants")
            .WithSummary("Grants on a securable (?on=) and/or of a principal (?user= or ?group=); administrators see all, others the grants to them and on what they own.")
            .Produces<List<GrantJson>>();
        grants.MapGet("/effective", (string? user, string? on, PrivilegeEvaluator privileges, IWorkbenchUser caller, CancellationToken ct) =>
                AdminApi.HandleAsync("Invalid explain request", async () =>
                {
                    var who = string.IsNullOrWhiteSpace(user) ? caller.Name : user.Trim();
                    var securable = SecurableInput.Parse(on);
                    if (!string.Equals(who, caller.Name, StringComparison.OrdinalIgnoreCase) && !await privileges.IsAdminAsync(caller.Name, ct))
                    {
                        throw new PermissionDeniedException("permission denied: only an administrator may see what another user holds; leave out ?user= to see your own.");
                    }

                    var held = await privileges.ExplainAsync(who, securable, ct);
                    return Results.Ok(new EffectiveJson(who, securable.Path?.ToString() ?? SecurableInput.Metastore,
                        held.Select(p => new EffectivePrivilegeJson(PrivilegeNames.Sql(p.Privilege), p.Reason)).ToList()));
                }))
            .WithName("ExplainPrivileges")
            .WithSummary("What a user (?user=, default the caller; others' for administrators only) effectively holds on ?on= and why: each privilege with the grant, ownership or role it comes from.")
            .Produces<EffectiveJson>();
        grants.MapPost("/", (GrantRequest body, AuditedGrants changes, GrantStore store, IWorkbenchUser caller, CancellationToken ct) =>
                ChangeAsync(body, (on, to, privileges) => changes.GrantAsync(privileges, on, to), store, caller, ct))
            .WithName("Grant")
            .WithSummary("GRANT privileges on a securable to a user or group, as the SQL statement would (administrators and owners); audited. Answers the principal's grants there now.")
            .Produces<List<GrantJson>>();
        grants.MapPost("/revoke", (GrantRequest body, AuditedGrants changes, GrantStore store, IWorkbenchUser caller, CancellationToken ct) =>
                ChangeAsync(body, (on, from, privileges) => changes.RevokeAsync(privileges, on, from), store, caller, ct))
            .WithName("Revoke")
            .WithSummary("REVOKE privileges (ALL PRIVILEGES for every one) on a securable from a user or group (administrators and owners); audited. Answers the principal's grants there now.")
            .Produces<List<GrantJson>>();
        return app;
    }

    private static Task<IResult> ChangeAsync(
        GrantRequest body, Func<Securable, Principal, IReadOnlyList<Privilege>, Task<Exception?>> change, GrantStore store, IWorkbenchUser caller, CancellationToken ct) =>
        AdminApi.HandleAsync("Grant not changed", async () =>
        {
            var (on, principal, privileges) = GrantRequestReader.Read(body);
            if (await change(on, principal, privileges) is { } refused)
            {
                return AdminApi.Refused(refused, "Grant not changed");
            }

            return Results.Ok((await store.ListAsync(caller.Name, on, principal, ct)).Select(GrantJson.From).ToList());
        });
}
