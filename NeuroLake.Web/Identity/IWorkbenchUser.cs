namespace NeuroLake.Web.Identity;

/// <summary>
/// Who is using the workbench: the signed-in user, the user of the request's personal access token, or in Single mode
/// <c>NeuroLake:User</c> (<see cref="SignedInWorkbenchUser"/>). Statements run, and uploads belong, as this user.
/// </summary>
public interface IWorkbenchUser
{
    /// <summary>The user's name, as recorded on what they own (uploads, table commits).</summary>
    string Name { get; }
}
