using Bunit;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Components.Pages.Ingest;

namespace NeuroLake.Tests.Web.Ingest;

/// <summary>The schema step says where a JSON file's records were found.</summary>
public sealed class SchemaStepJsonShapeTests : MudComponentTest
{
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
