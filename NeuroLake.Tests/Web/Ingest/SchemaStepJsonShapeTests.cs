using Bunit;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Components.Pages.Ingest;

namespace NeuroLake.Tests.Web.Ingest;

/// <summary>The schema step says where a JSON file's records were found.</summary>
public sealed class SchemaStepJsonShapeTests : MudComponentTest
{
    private static IngestWizardState AtSchema(JsonNesting nesting = JsonNesting.Struct, WizardDraft? draft = null)
    {
        var source = new DetectedSource("/staging/.records/quakes.geojson.ndjson", SourceFormat.JsonLines, SourceCompression.None, TextEncoding.Utf8, null,
            [new("id", "VARCHAR")])
        {
            Json = new JsonRecords(JsonShape.MemberArray, "features", null, nesting),
            RecordsCopyOf = "/staging/quakes.geojson",
        };
        var state = new IngestWizardState();
        state.Staged("0123456789abcdef0123456789abcdef", "quakes.geojson", 10);
        state.Choose(state.Uploads[0].ClientId, draft);
        state.Detected(new ProposedSchema(source, [new ProposedColumn("id", "id", source.Columns[0], "VARCHAR", true, ParseMethod.AsRead)], ["id"], [], 1, true));
        return state;
    }

    [Fact]
    public void Choosing_flatten_raises_the_choice_for_the_page_to_detect_again()
    {
        var chosen = new List<JsonNesting>();
        var step = Render<SchemaStep>(p => p.Add(s => s.State, AtSchema()).Add(s => s.OnNestingChanged, n => chosen.Add(n)));

        step.FindAll("input[type='radio']")[1].Click();

        Assert.Equal([JsonNesting.Flatten], chosen);
    }

    [Fact]
    public void The_nesting_choice_is_saved_in_the_draft_sends_the_wizard_back_to_detection_and_survives_later_edits()
    {
        var state = AtSchema();
        state.Rename(0, "feature_id");
        var drafts = new List<WizardDraft>();
        state.Edited += drafts.Add;

        Assert.False(state.ReadNestedAs(JsonNesting.Struct));
        Assert.True(state.ReadNestedAs(JsonNesting.Flatten));

        Assert.Equal(WizardStep.Detect, state.Step);
        Assert.Null(state.Schema);
        Assert.Equal(JsonNesting.Flatten, Assert.Single(drafts).JsonNesting);
        Assert.Equal("feature_id", drafts[0].Columns.Single().Name);

        // The page detects again; a later visit with the saved draft restores the choice and the edits.
        var reopened = AtSchema(JsonNesting.Flatten, drafts[0]);
        reopened.Rename(0, "fid");
        Assert.Equal(JsonNesting.Flatten, reopened.ToDraft().JsonNesting);
        Assert.Equal(JsonNesting.Flatten, reopened.Draft.JsonNesting);
    }

    [Fact]
    public void A_GeoJSON_upload_shows_its_record_path_and_how_nested_objects_are_read()
    {
        var source = new DetectedSource("/staging/.records/quakes.geojson.ndjson", SourceFormat.JsonLines, SourceCompression.None, TextEncoding.Utf8, null,
            [new("id", "VARCHAR")])
        {
            Json = new JsonRecords(JsonShape.MemberArray, "features", null, JsonNesting.Struct),
            RecordsCopyOf = "/staging/quakes.geojson",
        };
        var schema = new ProposedSchema(source, [new ProposedColumn("id", "id", source.Columns[0], "VARCHAR", true, ParseMethod.AsRead)], ["id"], [], 1, true);
        var state = new IngestWizardState();
        state.Staged("0123456789abcdef0123456789abcdef", "quakes.geojson", 10);
        state.Choose(state.Uploads[0].ClientId);
        state.Detected(schema);

        var step = Render<SchemaStep>(p => p.Add(s => s.State, state));

        var shape = step.Find("[aria-label='Detected JSON shape']").TextContent;
        Assert.Contains("member 'features' holds the records", shape, StringComparison.Ordinal);
        Assert.Contains("$.features[*]", shape, StringComparison.Ordinal);
        Assert.Contains("kept as STRUCT", shape, StringComparison.Ordinal);
    }
}
