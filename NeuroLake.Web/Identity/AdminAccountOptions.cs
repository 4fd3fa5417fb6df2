namespace NeuroLake.Web.Identity;

/// <summary>
/// The first administrator for unattended installs, bound from <c>NeuroLake:Admin</c> (e.g. <c>NeuroLake__Admin__UserName</c>
/// and <c>NeuroLake__Admin__Password</c>): created at start when there are no accounts yet, ignored afterwards.
/// </summary>
public sealed class AdminAccountOptions
{
    public const string SectionName = "NeuroLake:Admin";

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
