namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>
/// The wizard's place as a URL (<c>ingest?upload=&lt;id&gt;&amp;step=schema</c>), so a reload, a link or Back/Forward lands on
/// the same step of the same upload. The upload list has no parameters; detection and a running load are not places.
/// </summary>
public sealed record WizardAddress(string? UploadId, WizardStep Step)
{
    public static WizardAddress UploadList { get; } = new(null, WizardStep.Upload);

    /// <summary>The address in the query string; unknown or missing steps of an upload mean its schema.</summary>
    public static WizardAddress Parse(string? upload, string? step)
    {
        if (string.IsNullOrEmpty(upload))
        {
            return UploadList;
        }

        var parsed = step?.ToLowerInvariant() switch
        {
            "preview" => WizardStep.Preview,
            "findings" => WizardStep.Findings,
            "target" => WizardStep.Target,
            "summary" => WizardStep.Summary,
            _ => WizardStep.Schema,
        };
        return new WizardAddress(upload, parsed);
    }

    /// <summary>Where <paramref name="state"/> is.</summary>
    public static WizardAddress Of(IngestWizardState state) => state.Current?.UploadId is { } id && state.Step != WizardStep.Upload
        ? new WizardAddress(id, state.Step switch { WizardStep.Detect => WizardStep.Schema, WizardStep.Run => WizardStep.Target, var step => step })
        : UploadList;

    /// <summary>The relative URL of this address.</summary>
    public string Url => UploadId is null ? "ingest" : $"ingest?upload={Uri.EscapeDataString(UploadId)}&step={Step.ToString().ToLowerInvariant()}";

    /// <summary>The same upload one step on or back (<paramref name="delta"/>), within schema … target.</summary>
    public WizardAddress Move(int delta) => this with { Step = (WizardStep)Math.Clamp((int)Step + delta, (int)WizardStep.Schema, (int)WizardStep.Target) };
}
