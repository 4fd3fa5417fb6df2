using System.Text.Json.Serialization;

namespace NeuroLake.Engine.Cost.Recommendations;

/// <summary>What a cost recommendation is about.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecommendationKind>))]
public enum RecommendationKind
{
    /// <summary>Files no version inside the table's retention needs: VACUUM deletes them.</summary>
    Vacuum,

    /// <summary>Many files well under the target size: OPTIMIZE bin-packs them.</summary>
    SmallFiles,

    /// <summary>Columns the table's queries filter on most, its files not clustered by them: OPTIMIZE ZORDER BY.</summary>
    ZOrder,

    /// <summary>A table no one read in the look-back days: its storage is the saving of dropping or archiving it.</summary>
    UnreadTable,

    /// <summary>A statement among those that scanned the most bytes, with its compute cost.</summary>
    HeavyQuery,

    /// <summary>Files the tiering plan moves to a cheaper tier (administrators: tiering moves any table's files).</summary>
    TierMove,
}

/// <summary>What the recommendation's button does; <see cref="None"/> when it only informs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecommendedAction>))]
public enum RecommendedAction
{
    None,
    Vacuum,
    Optimize,

    /// <summary>Runs the tiering plan now (as the tiering job).</summary>
    Tiering,
}

/// <summary>
/// One way to spend less, from what this installation measured: the monthly cost of what it is about, the estimated
/// monthly saving and, beside them, the assumption that produced the figures. Amounts are in the price book's currency.
/// </summary>
/// <param name="Id">Stable for the same finding: <c>Kind:table</c>, or <c>HeavyQuery:</c> and the metered statement's id.</param>
/// <param name="Table">The table's dotted name (<c>catalog.schema.table</c>); for a heavy query the first table it read, if any.</param>
/// <param name="Title">What was found, in words with its figures.</param>
/// <param name="MonthlyCost">What the thing found costs per month now.</param>
/// <param name="MonthlySaving">The estimated saving per month once acted on.</param>
/// <param name="SavingIsUpperBound">The saving is the most it could be (how much of it is real depends on what cannot be measured in advance).</param>
/// <param name="Assumption">How the figures were computed, with the prices and counts used.</param>
/// <param name="ZOrderBy">The columns OPTIMIZE clusters by (Z-order recommendations), else empty.</param>
/// <param name="RetainHours">The retention the VACUUM dry run used (the table's own), for the action to use the same.</param>
public sealed record CostRecommendation(
    string Id,
    RecommendationKind Kind,
    string? Table,
    string Title,
    decimal MonthlyCost,
    decimal MonthlySaving,
    bool SavingIsUpperBound,
    string Assumption,
    RecommendedAction Action,
    IReadOnlyList<string> ZOrderBy,
    double? RetainHours = null)
{
    public static string IdOf(RecommendationKind kind, string key) => $"{kind}:{key}";
}

/// <summary>The recommendations, largest saving first, and the tables that could not be examined (named, without why: the log says).</summary>
public sealed record CostRecommendations(IReadOnlyList<CostRecommendation> Items, IReadOnlyList<string> Unexamined);
