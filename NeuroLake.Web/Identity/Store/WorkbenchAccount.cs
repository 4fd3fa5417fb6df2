using Microsoft.AspNetCore.Identity;

namespace NeuroLake.Web.Identity.Store;

/// <summary>A person who signs in to the workbench; the engine knows them by <see cref="IdentityUser.UserName"/>.</summary>
public sealed class WorkbenchAccount : IdentityUser
{
    /// <summary>An administrator switched the account off: no sign-in, and its tokens stop working.</summary>
    public bool IsDisabled { get; set; }
}
