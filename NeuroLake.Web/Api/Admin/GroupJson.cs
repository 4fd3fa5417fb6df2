using NeuroLake.Engine.Governance;

namespace NeuroLake.Web.Api.Admin;

/// <summary>A group with its members; <paramref name="IsRole"/> for the workbench's own roles (admin), which cannot be deleted.</summary>
public sealed record GroupJson(string Name, string Description, IReadOnlyList<string> Members, bool IsRole)
{
    public static GroupJson From(GroupInfo g) => new(g.Name, g.Description, g.Members, g.IsRole);
}

/// <summary>A new group: its name (letters, digits, underscores) and what it is for.</summary>
public sealed record NewGroupRequest(string? Name, string? Description);

/// <summary>The user to add to a group.</summary>
public sealed record MemberRequest(string? User);
