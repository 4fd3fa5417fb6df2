using NeuroLake.Engine.Ingestion.Pii;

namespace NeuroLake.Web.Components.Pages.Ingest;

public enum PiiDecision
{
    Pending,
    Confirmed,
    Dismissed,
}

/// <summary>A PII finding and what the user decided: confirmed findings become column classifications in the catalog.</summary>
public sealed class PiiReview(PiiFinding finding)
{
    public PiiFinding Finding { get; } = finding;

    public PiiDecision Decision { get; set; } = PiiDecision.Pending;
}
