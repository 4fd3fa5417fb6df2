using NeuroLake.Engine.Ingestion.Pii;

namespace NeuroLake.Web.Components.Pages.Ingest;

public enum PiiDecision
{
    Pending,
    Confirmed,
    Dismissed,
}

/// <summary>
/// A PII finding and what the user decided: confirmed findings become column classifications in the catalog. A column
/// the user marked by hand (<see cref="Manual"/>) starts confirmed with confidence 1.
/// </summary>
public sealed class PiiReview(PiiFinding finding, bool manual = false)
{
    public PiiFinding Finding { get; } = finding;

    public bool Manual { get; } = manual;

    public PiiDecision Decision { get; set; } = manual ? PiiDecision.Confirmed : PiiDecision.Pending;

    /// <summary>A finding for a column the user says holds <paramref name="type"/>.</summary>
    public static PiiReview MarkedByHand(string column, SemanticType type) => new(new PiiFinding(column, type, 1, 0, false, 0, [type]), manual: true);
}
