using NeuroLake.Web.Cost;

namespace NeuroLake.Web.Api.Cost;

/// <summary>
/// One cost recommendation: <c>kind</c> (Vacuum, SmallFiles, ZOrder, UnreadTable, HeavyQuery), what was found, the
/// monthly cost of it and the estimated monthly saving in the response's currency (<c>savingIsUpperBound</c> when the
/// saving is the most it could be), the assumption behind both, and the <c>action</c> (None, Vacuum, Optimize) with
/// <c>canRun</c>: whether the caller may run it (MODIFY on the table) with <c>POST .../recommendations/{id}/run</c>.
/// </summary>
public sealed record CostRecommendationJson(
    string Id, string Kind, string? Table, string Title, decimal MonthlyCost, decimal MonthlySaving, bool SavingIsUpperBound, string Assumption,
    string Action, IReadOnlyList<string> ZOrderBy, bool CanRun)
{
    public static CostRecommendationJson From(RecommendationRow row)
    {
        var i = row.Item;
        return new(i.Id, i.Kind.ToString(), i.Table, i.Title, i.MonthlyCost, i.MonthlySaving, i.SavingIsUpperBound, i.Assumption,
            i.Action.ToString(), i.ZOrderBy, row.CanRun);
    }
}

/// <summary>
/// The recommendations the caller may see, largest saving first, computed over the last <c>days</c> days of usage;
/// <c>unexamined</c> names the tables that could not be opened to examine (the server log says why).
/// </summary>
public sealed record CostRecommendationsJson(string Currency, string Scope, int Days, IReadOnlyList<CostRecommendationJson> Items, IReadOnlyList<string> Unexamined);
