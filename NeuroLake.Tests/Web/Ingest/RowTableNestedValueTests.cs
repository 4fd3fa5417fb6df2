using Bunit;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Tests.DuckDb;
using NeuroLake.Tests.Ingestion;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Components.Pages.Ingest;

namespace NeuroLake.Tests.Web.Ingest;

/// <summary>Preview cells of STRUCT, LIST and MAP values read as JSON, as the SQL grid shows them.</summary>
public sealed class RowTableNestedValueTests : MudComponentTest
{
    [Fact]
    public async Task Struct_list_and_map_cells_of_a_GeoJSON_preview_render_as_JSON_not_type_names()
    {
        using var files = new IngestionTestFiles();
        using var db = new InMemoryDuckDb();
        var source = await SourceDetector.DetectAsync(db.Connection, files.Write("quakes.geojson", JsonShapeTests.FeatureCollection(3)));
        var rows = new List<IReadOnlyList<object?>>();
        using (var reader = db.Connection.ExecuteReader(
            $"SELECT properties, geometry.coordinates AS coordinates, MAP {{'depth': 8.2}} AS extra FROM {source.RawRelationSql()} WHERE id = 'us1'"))
        {
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray());
            }
        }

        var table = Render<RowTable>(p => p.Add(t => t.Page, new RowPage(["properties", "coordinates", "extra"], rows)).Add(t => t.Label, "Preview"));

        var cells = table.FindAll("tbody td").Select(td => td.TextContent).ToList();
        Assert.Equal("""{"mag":0.1,"place":"1 km N of Ridgecrest, CA","tsunami":1}""", cells[0]);
        Assert.Equal("[-117.4999,35.6,8.2]", cells[1]);
        Assert.Equal("""{"depth":8.2}""", cells[2]);
        Assert.DoesNotContain("System.", table.Markup, StringComparison.Ordinal);
    }
}
