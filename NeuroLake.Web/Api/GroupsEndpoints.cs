using NeuroLake.Engine.Governance;
using NeuroLake.Web.Api.Admin;
using NeuroLake.Web.Audit;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/admin/groups</c>: what Admin → Groups does, for administrators — list, create, delete, add and remove
/// members. Changes go through <see cref="AuditedGroups"/> (the engine checks again, and each attempt is audited as on the page).
/// </summary>
public static class GroupsEndpoints
{
    public static IEndpointRouteBuilder MapGroupsApi(this IEndpointRouteBuilder app)
    {
        var groups = AdminApi.Group(app, "groups");
        groups.MapGet("/", async (GroupDirectory directory, CancellationToken ct) => Results.Ok((await directory.ListGroupsAsync(ct)).Select(GroupJson.From).ToList()))
            .WithName("ListGroups")
            .WithSummary("Every group with its description and members.")
            .Produces<List<GroupJson>>();
        groups.MapPost("/", async (NewGroupRequest body, AuditedGroups changes, GroupDirectory directory, CancellationToken ct) =>
                await changes.CreateAsync(body.Name, body.Description) is { } refused
                    ? AdminApi.Refused(refused, "Group not created")
                    : Results.Created($"/api/v1/admin/groups/{body.Name!.Trim()}", await FindAsync(directory, body.Name.Trim(), ct)))
            .WithName("CreateGroup")
            .WithSummary("Creates a group; audited.")
            .Produces<GroupJson>(StatusCodes.Status201Created);
        groups.MapDelete("/{name}", (string name, AuditedGroups changes, GroupDirectory directory, CancellationToken ct) =>
                IfExistsAsync(name, directory, ct, async () => await changes.DeleteAsync(name) is { } refused ? AdminApi.Refused(refused, "Group not deleted") : Results.NoContent()))
            .WithName("DeleteGroup")
            .WithSummary("Deletes a group with its grants (not a workbench role such as admin); audited.")
            .Produces(StatusCodes.Status204NoContent);
        groups.MapPost("/{name}/members", (string name, MemberRequest body, AuditedGroups changes, GroupDirectory directory, AccountDirectory accounts, CancellationToken ct) =>
                IfExistsAsync(name, directory, ct, async () =>
                {
                    var member = body.User?.Trim() ?? "";
                    if (await UsersEndpoints.FindAsync(accounts, member, ct) is not { } account)
                    {
                        return Results.Problem(title: "No such user",
                            detail: $"There is no account named '{member}': create it first (POST /api/v1/admin/users) or check the name.",
                            statusCode: StatusCodes.Status400BadRequest);
                    }

                    return await changes.AddMemberAsync(name, account.UserName) is { } refused
                        ? AdminApi.Refused(refused, "Member not added")
                        : Results.Ok(await FindAsync(directory, name, ct));
                }))
            .WithName("AddGroupMember")
            .WithSummary("Adds an account to a group; audited.")
            .Produces<GroupJson>();
        groups.MapDelete("/{name}/members/{user}", (string name, string user, AuditedGroups changes, GroupDirectory directory, CancellationToken ct) =>
                IfExistsAsync(name, directory, ct, async () => await changes.RemoveMemberAsync(name, user) is { } refused
                    ? AdminApi.Refused(refused, "Member not removed")
                    : Results.Ok(await FindAsync(directory, name, ct))))
            .WithName("RemoveGroupMember")
            .WithSummary("Removes a user from a group (never the last administrator); audited.")
            .Produces<GroupJson>();
        return app;
    }

    private static async Task<GroupJson?> FindAsync(GroupDirectory directory, string name, CancellationToken ct) =>
        (await directory.ListGroupsAsync(ct)).Where(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase)).Select(GroupJson.From).FirstOrDefault();

    private static async Task<IResult> IfExistsAsync(string name, GroupDirectory directory, CancellationToken ct, Func<Task<IResult>> action) =>
        await directory.GroupExistsAsync(name, ct)
            ? await action()
            : Results.Problem(title: "Group not found", detail: $"There is no group named '{name}': list them with GET /api/v1/admin/groups.",
                statusCode: StatusCodes.Status404NotFound);
}
