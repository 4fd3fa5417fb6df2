using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Cost;

/// <summary>
/// Whose usage a cost question covers: everything (administrators), or one user's own work and the tables they may
/// read. Storage of hidden tables, other users' work and cost entries naming hidden tables are left out before pricing
/// and forecasting, so no figure is computed from what the asker may not see.
/// </summary>
public sealed class UsageScope
{
    private readonly string? _user;
    private readonly Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlySet<string>>>? _visibleTables;

    private UsageScope(string? user, Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlySet<string>>>? visibleTables)
    {
        _user = user;
        _visibleTables = visibleTables;
    }

    /// <summary>Every user's work and every table.</summary>
    public static UsageScope Everything { get; } = new(null, null);

    /// <summary>
    /// Only <paramref name="user"/>'s own work, and only the tables (dotted names) <paramref name="visibleTables"/> keeps
    /// of those it is given.
    /// </summary>
    public static UsageScope Own(string user, Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlySet<string>>> visibleTables)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentNullException.ThrowIfNull(visibleTables);
        return new UsageScope(user, visibleTables);
    }

    /// <summary>Whether nothing is left out.</summary>
    public bool IsEverything => _user is null;

    /// <summary>Which of <paramref name="tables"/> (dotted names) the scope keeps; all of them when nothing is left out.</summary>
    internal async Task<IReadOnlySet<string>> VisibleTablesAsync(IReadOnlyCollection<string> tables, CancellationToken ct) =>
        _visibleTables is null || tables.Count == 0 ? tables.ToHashSet(StringComparer.Ordinal) : await _visibleTables(tables, ct);

    internal async Task<ScopedUsage> ApplyAsync(IReadOnlyList<StorageDay> storage, IReadOnlyList<MeteredWork> work, CancellationToken ct)
    {
        if (_user is null || _visibleTables is null)
        {
            return new ScopedUsage(storage, work, null);
        }

        var own = work.Where(w => string.Equals(w.User, _user, StringComparison.Ordinal)).ToList();
        var named = storage.Select(s => s.Table).Concat(own.SelectMany(w => w.Tables).Select(t => t.Table)).ToHashSet(StringComparer.Ordinal);
        var visible = named.Count == 0 ? new HashSet<string>(StringComparer.Ordinal) : await _visibleTables(named, ct);
        return new ScopedUsage(storage.Where(s => visible.Contains(s.Table)).ToList(), own, visible);
    }
}

/// <summary>Usage left after a <see cref="UsageScope"/>; <see cref="VisibleTables"/> is null when nothing was left out.</summary>
internal sealed record ScopedUsage(IReadOnlyList<StorageDay> Storage, IReadOnlyList<MeteredWork> Work, IReadOnlySet<string>? VisibleTables)
{
    /// <summary>The report without entries naming a table outside the scope (a user's own statement may have read one since hidden).</summary>
    public CostReport Visible(CostReport report) => VisibleTables is null
        ? report
        : report with
        {
            Entries = report.Entries.Where(e => e.Dimension != CostDimension.Table || e.Key == CostModel.NoTable || VisibleTables.Contains(e.Key)).ToList(),
        };
}
