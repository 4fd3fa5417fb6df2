using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using NeuroLake.Engine.Catalog.Registry;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Components.Pages.Jobs;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Pipelines;

namespace NeuroLake.Web.Components.Pages.Pipelines;

/// <summary>
/// The pipeline registry: search templates, fill one's variables (rendered by <see cref="SqlTemplate"/>, never spliced),
/// preview or open the SQL in the editor, save it as a named pipeline (a new version when the name exists), see versions
/// and uses, and schedule a pipeline as a job.
/// </summary>
public partial class Pipelines
{
    private IReadOnlyList<TemplateInfo> _templates = [];
    private List<PipelineInfo> _pipelines = [];
    private TemplateInfo? _template;
    private Dictionary<string, string> _values = [];
    private string? _search;
    private string? _sql;
    private string? _name;
    private string? _comment;
    private string? _error;
    private string? _message;
    private bool _mayImport;

    [Inject]
    private PatternLibrary Patterns { get; set; } = null!;

    [Inject]
    private PipelineRegistry Registry { get; set; } = null!;

    [Inject]
    private PipelineAuthoring Authoring { get; set; } = null!;

    [Inject]
    private IWorkbenchUser User { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private PrivilegeEvaluator Privileges { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _mayImport = await Privileges.IsAdminAsync(User.Name);
        await LoadAsync();
    }

    /// <summary>
    /// Replaces the registry with an exported file after the user confirms (it replaces every pipeline and template);
    /// the engine checks the caller is an administrator again, and a bad file changes nothing.
    /// </summary>
    private async Task ImportAsync(InputFileChangeEventArgs e)
    {
        _error = null;
        _message = null;
        if (e.File.Size > PipelineAuthoring.MaxImportBytes)
        {
            _error = $"{e.File.Name} is larger than 4 MiB: export a smaller registry or split it.";
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Import pipelines",
            $"Replace every saved pipeline and template with those in {e.File.Name}? What is saved now is lost unless you exported it.",
            yesText: "Replace",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await Try(async () =>
        {
            string json;
            await using (var stream = e.File.OpenReadStream(PipelineAuthoring.MaxImportBytes))
            using (var reader = new StreamReader(stream))
            {
                json = await reader.ReadToEndAsync();
            }

            await Authoring.ImportAsync(User.Name, json, CancellationToken.None);
            await LoadAsync();
            _message = $"Imported {e.File.Name}: {_pipelines.Count} pipeline(s), {_templates.Count} template(s).";
        });
    }

    private async Task LoadAsync()
    {
        _templates = await Patterns.ListAsync();
        _pipelines = [];
        foreach (var summary in await Registry.ListAsync())
        {
            _pipelines.Add(await Registry.GetAsync(summary.Name));
        }
    }

    private static string KindText(TemplateVariableKind kind) => kind switch
    {
        TemplateVariableKind.Identifier => "a name such as sales.orders",
        TemplateVariableKind.IdentifierList => "names separated by commas",
        TemplateVariableKind.String => "text",
        TemplateVariableKind.Integer => "a whole number",
        TemplateVariableKind.Decimal => "a decimal number",
        _ => "true or false",
    };

    private void Pick(TemplateInfo template)
    {
        _template = template;
        _values = template.Variables.ToDictionary(v => v.Name, _ => "");
        _sql = null;
        _error = null;
        _message = null;
    }

    private PipelineLogic Logic() => PipelineLogic.FromTemplate(_template!.Name, _values);

    private async Task PreviewAsync() => await Try(async () => _sql = await Authoring.RenderAsync(_template!.Name, Logic(), CancellationToken.None));

    private async Task SaveAsync() => await Try(async () =>
    {
        var name = (_name ?? "").Trim();
        if (_pipelines.Any(p => p.Name == name))
        {
            var version = await Authoring.UpdateAsync(User.Name, name, Logic(), _comment ?? "", CancellationToken.None);
            _message = $"Saved {name} as version {version}.";
        }
        else
        {
            _sql = await Authoring.CreateAsync(User.Name, name, _template!.Description, _template.Tags, Logic(), CancellationToken.None);
            _message = $"Saved {name} as version 1.";
        }

        await LoadAsync();
    });

    private async Task ScheduleAsync(string pipeline)
    {
        var form = JobForm.ForPipeline(pipeline);
        var parameters = new DialogParameters<JobEditorDialog> { { d => d.JobId, null }, { d => d.Form, form } };
        var dialog = await Dialogs.ShowAsync<JobEditorDialog>($"Schedule {pipeline}", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            _message = $"Scheduled {pipeline}: see it on the Jobs page.";
        }
    }

    private async Task Try(Func<Task> action)
    {
        _error = null;
        _message = null;
        try
        {
            await action();
        }
        catch (NeuroLakeException e)
        {
            _error = e.Message;
        }
    }
}
