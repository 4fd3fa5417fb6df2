using Microsoft.AspNetCore.Identity;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Api.Admin;
using NeuroLake.Web.Audit;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/admin/users</c>: what Admin → Users does, for administrators — list accounts with their groups, create one,
/// disable, enable, unlock, reset a password, delete (what the user owned passes to the caller). Changes go through <see cref="AuditedAccounts"/>, audited as the page
/// audits them; group membership is changed under <c>/api/v1/admin/groups/{name}/members</c>.
/// </summary>
public static class UsersEndpoints
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = AdminApi.Group(app, "users");
        users.MapGet("/", async (AccountDirectory accounts, GroupDirectory groups, CancellationToken ct) =>
            {
                var listed = new List<UserJson>();
                foreach (var account in await accounts.ListAsync(ct))
                {
                    listed.Add(UserJson.From(account, await groups.GroupsOfAsync(account.UserName, ct)));
                }

                return Results.Ok(listed);
            })
            .WithName("ListUsers")
            .WithSummary("Every account: administrator or not, disabled, locked out until, two-factor, and its groups.")
            .Produces<List<UserJson>>();
        users.MapPost("/", async (NewUserRequest body, AuditedAccounts changes, AccountDirectory accounts, GroupDirectory groups, CancellationToken ct) =>
            {
                var created = await changes.CreateAsync(body.UserName, body.Password, ct);
                if (!created.Succeeded)
                {
                    return AdminApi.Refused(created, "Account not created");
                }

                var account = await FindAsync(accounts, body.UserName!.Trim(), ct);
                return Results.Created($"/api/v1/admin/users/{account!.UserName}", UserJson.From(account, await groups.GroupsOfAsync(account.UserName, ct)));
            })
            .WithName("CreateUser")
            .WithSummary("Creates an account that signs in with the given initial password (8 characters or more); audited.")
            .Produces<UserJson>(StatusCodes.Status201Created);
        users.MapPost("/{userName}/disable", (string userName, AuditedAccounts changes, AccountDirectory accounts, GroupDirectory groups, CancellationToken ct) =>
                ChangeAsync(userName, accounts, groups, a => changes.SetDisabledAsync(a, true, ct), ct))
            .WithName("DisableUser")
            .WithSummary("Disables an account: its sessions end and its tokens stop working at once (not your own); audited.")
            .Produces<UserJson>();
        users.MapPost("/{userName}/enable", (string userName, AuditedAccounts changes, AccountDirectory accounts, GroupDirectory groups, CancellationToken ct) =>
                ChangeAsync(userName, accounts, groups, a => changes.SetDisabledAsync(a, false, ct), ct))
            .WithName("EnableUser")
            .WithSummary("Enables a disabled account; audited.")
            .Produces<UserJson>();
        users.MapPost("/{userName}/unlock", (string userName, AuditedAccounts changes, AccountDirectory accounts, GroupDirectory groups, CancellationToken ct) =>
                ChangeAsync(userName, accounts, groups, a => changes.UnlockAsync(a, ct), ct))
            .WithName("UnlockUser")
            .WithSummary("Ends a lockout after failed sign-ins now; audited.")
            .Produces<UserJson>();
        users.MapPost("/{userName}/password", (string userName, PasswordRequest body, AuditedAccounts changes, AccountDirectory accounts, GroupDirectory groups, CancellationToken ct) =>
                ChangeAsync(userName, accounts, groups, a => changes.ResetPasswordAsync(a, body.Password, ct), ct))
            .WithName("ResetUserPassword")
            .WithSummary("Sets a new password for an account (8 characters or more); audited.")
            .Produces<UserJson>();
        users.MapDelete("/{userName}", async (string userName, AuditedAccounts changes, AccountDirectory accounts, CancellationToken ct) =>
            {
                if (await FindAsync(accounts, userName, ct) is not { } account)
                {
                    return NotFound(userName);
                }

                var preview = await changes.PreviewDeletionAsync(account, ct);
                var result = await changes.DeleteAsync(account, ct);
                return result.Succeeded
                    ? Results.Ok(new DeletedUserJson(account.UserName, preview.Heir, preview.Holdings.Owned, preview.Holdings.Jobs, preview.Tokens, preview.Holdings.Grants, preview.Holdings.Groups))
                    : AdminApi.Refused(result, "Account not deleted");
            })
            .WithName("DeleteUser")
            .WithSummary("Deletes an account and its tokens; what it owned (catalogs, schemas, tables, jobs) passes to the caller and its grants and group memberships are removed. Not your own account, nor the last enabled administrator; audited.")
            .Produces<DeletedUserJson>();
        return app;
    }

    private static IResult NotFound(string userName) =>
        Results.Problem(title: "User not found",
            detail: $"There is no account named '{userName}': list them with GET /api/v1/admin/users, or create it first.",
            statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> ChangeAsync(
        string userName, AccountDirectory accounts, GroupDirectory groups, Func<AccountSummary, Task<IdentityResult>> change, CancellationToken ct)
    {
        if (await FindAsync(accounts, userName, ct) is not { } account)
        {
            return NotFound(userName);
        }

        var result = await change(account);
        if (!result.Succeeded)
        {
            return AdminApi.Refused(result, "Account not changed");
        }

        var changed = await FindAsync(accounts, account.UserName, ct);
        return Results.Ok(UserJson.From(changed!, await groups.GroupsOfAsync(account.UserName, ct)));
    }

    /// <summary>The account named <paramref name="userName"/> (names compare as Identity compares them: case-insensitively).</summary>
    internal static async Task<AccountSummary?> FindAsync(AccountDirectory accounts, string userName, CancellationToken ct) =>
        (await accounts.ListAsync(ct)).FirstOrDefault(a => string.Equals(a.UserName, userName.Trim(), StringComparison.OrdinalIgnoreCase));
}
