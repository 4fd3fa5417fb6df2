namespace NeuroLake.Engine.Governance;

/// <summary>Whom a grant is for.</summary>
public enum PrincipalKind
{
    User = 0,
    Group = 1,
}
