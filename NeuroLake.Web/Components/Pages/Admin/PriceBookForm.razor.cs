using System.Globalization;
using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Cost;
using NeuroLake.Web.Cost;

namespace NeuroLake.Web.Components.Pages.Admin;

/// <summary>
/// Admin → Settings' price book: the book in force (when it was entered, its source), presets that fill the form, one
/// field per price with <see cref="PriceBookValidation"/>'s problem under it, and a save that adds a new, audited book.
/// </summary>
public partial class PriceBookForm
{
    private sealed record PriceField(string Key, string Label, string Unit, string? Help, Func<PriceBookDraft, decimal> Get, Action<PriceBookDraft, decimal> Set);

    private static readonly IReadOnlyList<PriceField> PriceFields =
    [
        new(nameof(PriceBook.HotPerGbMonth), "Hot tier in a cloud", "per GB-month", "Block storage beside cloud compute (cloud-only model)", d => d.HotPerGbMonth, (d, v) => d.HotPerGbMonth = v),
        new(nameof(PriceBook.WarmPerGbMonth), "Warm tier", "per GB-month", "Object storage, standard class", d => d.WarmPerGbMonth, (d, v) => d.WarmPerGbMonth = v),
        new(nameof(PriceBook.ColdPerGbMonth), "Cold tier", "per GB-month", "Object storage, archive class", d => d.ColdPerGbMonth, (d, v) => d.ColdPerGbMonth = v),
        new(nameof(PriceBook.PutPer1000), "PUT requests", "per 1,000", null, d => d.PutPer1000, (d, v) => d.PutPer1000 = v),
        new(nameof(PriceBook.GetPer1000), "GET requests", "per 1,000", null, d => d.GetPer1000, (d, v) => d.GetPer1000 = v),
        new(nameof(PriceBook.EgressPerGb), "Egress", "per GB", "Data leaving the cloud", d => d.EgressPerGb, (d, v) => d.EgressPerGb = v),
        new(nameof(PriceBook.LocalDiskPerGbMonth), "Own disk", "per GB-month", "This installation's disk, hardware over its life", d => d.LocalDiskPerGbMonth, (d, v) => d.LocalDiskPerGbMonth = v),
        new(nameof(PriceBook.MachinePerHour), "Own machine", "per hour", "Hardware, power and hosting, busy or idle", d => d.MachinePerHour, (d, v) => d.MachinePerHour = v),
        new(nameof(PriceBook.CloudComputePerVcpuHour), "Cloud compute", "per vCPU-hour", "On-demand general purpose (cloud-only model)", d => d.CloudComputePerVcpuHour, (d, v) => d.CloudComputePerVcpuHour = v),
    ];

    private PriceBookDraft _draft = new();
    private SavedPriceBook? _current;
    private IReadOnlyDictionary<string, string> _problems = new Dictionary<string, string>();
    private string? _error;
    private string? _saved;
    private bool _saving;

    [Inject]
    private PriceBookStore Store { get; set; } = default!;

    [Inject]
    private PriceBookEditing Editing { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _current = await Store.CurrentAsync();
        _draft = PriceBookDraft.From(_current?.Prices ?? PriceBookPresets.Aws);
    }

    private void Fill(PriceBook preset)
    {
        _draft = PriceBookDraft.From(preset);
        _problems = new Dictionary<string, string>();
        _error = null;
        _saved = null;
    }

    private bool Has(string field) => _problems.ContainsKey(field);

    private string? Problem(string field) => _problems.GetValueOrDefault(field);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task SaveAsync()
    {
        _saved = null;
        _error = null;
        _problems = _draft.Problems();
        if (_problems.Count > 0)
        {
            _error = "Nothing was saved: correct the fields marked below.";
            return;
        }

        _saving = true;
        try
        {
            var (saved, refusal) = await Editing.SaveAsync(_draft.ToBook());
            if (saved is not null)
            {
                _current = saved;
                _saved = $"Saved: {saved.Prices.Name} is the price book in force from now on.";
            }
            else
            {
                _error = refusal?.Message;
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
