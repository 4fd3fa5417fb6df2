namespace NeuroLake.Engine.Governance;

/// <summary>
/// What the catalog holds for one user: the securables they own (<c>catalog main</c>, <c>schema main.sales</c>,
/// <c>table main.sales.orders</c>), the jobs that run as them, the privileges granted to them and their groups.
/// </summary>
public sealed record UserHoldings(IReadOnlyList<string> Owned, int Jobs, int Grants, IReadOnlyList<string> Groups)
{
    /// <summary>In words, for a confirmation and an audit entry: "owns table main.sales.orders; runs 1 job; holds 2 grants; in groups analyst".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Owned.Count > 0) parts.Add("owns " + string.Join(", ", Owned));
        if (Jobs > 0) parts.Add($"runs {Jobs} job{(Jobs == 1 ? "" : "s")}");
        if (Grants > 0) parts.Add($"holds {Grants} grant{(Grants == 1 ? "" : "s")}");
        if (Groups.Count > 0) parts.Add("in group" + (Groups.Count == 1 ? " " : "s ") + string.Join(", ", Groups));
        return parts.Count == 0 ? "owns nothing and holds no grants" : string.Join("; ", parts);
    }
}
