using Bunit;
using MudBlazor;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Components.Pages.Ingest;

namespace NeuroLake.Tests.Web.Ingest;

/// <summary>The schema step of an Excel upload: the sheet read, and a picker for the others.</summary>
public sealed class SchemaStepWorkbookTests : MudComponentTest
{
    private static IngestWizardState AtSchema(string sheet = "Sales", WizardDraft? draft = null)
    {
        var source = new DetectedSource("/staging/.csv/book.xlsx.csv", SourceFormat.Csv, SourceCompression.None, TextEncoding.Utf8,
            new CsvDialect(",", "\"", "\"", true, 0, null, null), [new("total", "BIGINT", ReadAsText: true)])
        {
            Workbook = new WorkbookSheet(WorkbookLayout.OpenXml, sheet, ["Sales", "Costs <2024>"]),
        };
        var state = new IngestWizardState();
        state.Staged("0123456789abcdef0123456789abcdef", "book.xlsx", 10);
        state.Choose(state.Uploads[0].ClientId, draft);
        state.Detected(new ProposedSchema(source, [new ProposedColumn("total", "total", source.Columns[0], "BIGINT", true, ParseMethod.AsRead)], ["total"], [], 1, true));
        return state;
    }

    [Fact]
    public void The_workbook_format_and_sheet_are_shown_instead_of_the_copy_dialect_and_another_sheet_is_raised_for_detection()
    {
        var chosen = new List<string>();
        var step = Render<SchemaStep>(p => p.Add(s => s.State, AtSchema()).Add(s => s.OnSheetChanged, n => chosen.Add(n)));

        Assert.Equal("Excel workbook (xlsx), utf-8", step.Find("[aria-label='Detected format']").TextContent.Trim());
        Assert.Empty(step.FindAll("[aria-label='Detected dialect']"));
        var picker = step.FindComponent<MudSelect<string>>();
        Assert.Contains(picker.FindAll("input"), i => i.GetAttribute("value") == "Sales");

        step.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync("Costs <2024>"));

        Assert.Equal(["Costs <2024>"], chosen);
    }

    [Fact]
    public void Another_sheet_is_saved_in_the_draft_without_the_old_sheets_column_edits_and_sends_the_wizard_back_to_detection()
    {
        var state = AtSchema();
        state.Rename(0, "sales_total");
        var drafts = new List<WizardDraft>();
        state.Edited += drafts.Add;

        Assert.False(state.ReadSheet("Sales"));
        Assert.True(state.ReadSheet("Costs <2024>"));

        Assert.Equal(WizardStep.Detect, state.Step);
        Assert.Null(state.Schema);
        Assert.Equal("Costs <2024>", Assert.Single(drafts).Sheet);
        Assert.Empty(drafts[0].Columns);

        var reopened = AtSchema("Costs <2024>", drafts[0]);
        Assert.Equal("Costs <2024>", reopened.ToDraft().Sheet);
    }
}
