namespace NeuroLake.Web.Identity;

/// <summary>
/// Who is using the workbench. Until there is sign-in every request and circuit is the configured user
/// (<see cref="ConfiguredWorkbenchUser"/>); governance replaces the registration with the signed-in principal.
/// </summary>
public interface IWorkbenchUser
{
    /// <summary>The user's name, as recorded on what they own (uploads, table commits).</summary>
    string Name { get; }
}
