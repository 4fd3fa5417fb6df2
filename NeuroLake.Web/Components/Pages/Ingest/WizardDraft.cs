using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Pii;

namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>
/// The user's edits of one upload in the wizard, kept beside the upload so a reload or another visit resumes them:
/// the engine's findings are worked out again, the choices come from here.
/// </summary>
public sealed record WizardDraft(IReadOnlyList<ColumnDraft> Columns, IReadOnlyList<PiiDraft> Pii, LoadTarget? Target)
{
    public static WizardDraft Empty { get; } = new([], [], null);

    /// <summary>How nested JSON objects are read (default STRUCT; drafts saved before the choice existed read as STRUCT).</summary>
    public JsonNesting JsonNesting { get; init; }

    /// <summary>The Excel sheet to read (default null: the first sheet with rows).</summary>
    public string? Sheet { get; init; }
}

/// <summary>An edited column, matched to the proposal by its <paramref name="Source"/> name.</summary>
public sealed record ColumnDraft(string Source, string Name, string Type, bool Key, bool Partition);

/// <summary>A decision on a PII finding, or a column marked by hand (<paramref name="Manual"/>).</summary>
public sealed record PiiDraft(string Column, SemanticType Type, PiiDecision Decision, bool Manual);
