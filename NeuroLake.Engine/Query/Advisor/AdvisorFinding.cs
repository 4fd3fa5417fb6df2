namespace NeuroLake.Engine.Query.Advisor;

/// <summary>
/// A warning or suggestion from the rule-based query advisor about a statement that ran.
/// </summary>
/// <param name="Rule">Stable rule name, e.g. <c>select-star-wide-table</c>, for filtering and docs.</param>
/// <param name="Message">What the rule saw in the statement.</param>
/// <param name="Suggestion">What to change, when the rule knows.</param>
public sealed record AdvisorFinding(string Rule, string Message, string? Suggestion = null);
