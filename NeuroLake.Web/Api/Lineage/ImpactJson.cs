using NeuroLake.Web.Components.Pages.Lineage;

namespace NeuroLake.Web.Api.Lineage;

/// <summary>
/// What a change to <paramref name="Start"/> puts at risk downstream: each asset the caller may read, riskiest first,
/// with the lineage path that reaches it (tables they may not read on it are <c>Restricted table</c>) and the score's factors.
/// </summary>
/// <param name="Change">The proposed change weighed in, in words; null for any change.</param>
public sealed record ImpactJson(string Start, string? Change, IReadOnlyList<ImpactRow> Assets);
