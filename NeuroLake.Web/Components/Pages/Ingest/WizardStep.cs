namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>The ingestion wizard's steps, in order.</summary>
public enum WizardStep
{
    Upload,
    Detect,
    Schema,
    Preview,
    Findings,
    Target,
    Run,
    Summary,
}
