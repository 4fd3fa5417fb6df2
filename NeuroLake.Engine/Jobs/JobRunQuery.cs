using NeuroLake.Engine.Catalog;

namespace NeuroLake.Engine.Jobs;

/// <summary>A search of the run history; every filter is optional. Newest first.</summary>
/// <param name="From">Runs queued at or after this time.</param>
/// <param name="To">Runs queued before this time.</param>
/// <param name="HiddenKinds">Runs of these kinds are left out (administrative kinds, for users who are not administrators), before paging and the total.</param>
/// <param name="HiddenTables">Runs of these tables are left out (tables the asking user may not read), before paging and the total.</param>
public sealed record JobRunQuery(
    JobKind? Kind = null,
    SecurablePath? Table = null,
    JobRunStatus? Status = null,
    Guid? DefinitionId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Skip = 0,
    int Take = 50,
    IReadOnlyCollection<SecurablePath>? HiddenTables = null,
    IReadOnlyCollection<JobKind>? HiddenKinds = null);

/// <summary>One page of runs and how many match in all.</summary>
public sealed record JobRunPage(IReadOnlyList<JobRun> Runs, int Total);
