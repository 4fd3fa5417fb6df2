namespace NeuroLake.Engine.Governance;

/// <summary>A user (by the name the workbench knows them by) or a group.</summary>
public sealed record Principal(PrincipalKind Kind, string Name)
{
    public static Principal User(string name) => new(PrincipalKind.User, name);

    public static Principal Group(string name) => new(PrincipalKind.Group, name);

    public override string ToString() => (Kind == PrincipalKind.Group ? "group " : "user ") + Name;
}
