using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Tests.Ingestion;
using NeuroLake.Web.Components.Pages.Ingest;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Tests.Web.Ingest;

/// <summary>A GeoJSON upload through the wizard's engine work: one row per feature, STRUCT or flattened as chosen.</summary>
public sealed class JsonShapeWorkflowTests(WorkbenchAppFactory app) : IClassFixture<WorkbenchAppFactory>
{
    private IngestionWorkflow Workflow => app.Services.GetRequiredService<IngestionWorkflow>();

    [Fact]
    public async Task A_feature_collection_flattened_in_the_wizard_previews_and_loads_one_row_per_feature()
    {
        var upload = (await app.Services.GetRequiredService<UploadStore>().SaveAsync(
            "tester", "quakes.geojson", new MemoryStream(Encoding.UTF8.GetBytes(JsonShapeTests.FeatureCollection(1_707))), CancellationToken.None)).Upload;
        var state = new IngestWizardState();
        state.UploadStarted("u", "quakes.geojson", upload.Size);
        state.UploadFinished("u", upload.Id);
        state.Choose("u");
        state.Detected(await Workflow.ProposeAsync(upload.Id, CancellationToken.None));
        Assert.Equal(("features", JsonNesting.Struct), (state.Schema!.Source.Json!.RecordPath, state.Schema.Source.Json.Nesting));
        Assert.Contains("properties", state.Columns.Select(c => c.Name));

        Assert.True(state.ReadNestedAs(JsonNesting.Flatten));
        state.Detected(await Workflow.ProposeAsync(upload.Id, state.Draft.JsonNesting, CancellationToken.None));
        state.Previewed(await Workflow.PreviewAsync(state.Schema!, state.LoadedColumns(), CancellationToken.None));

        Assert.Equal(JsonNesting.Flatten, state.Schema!.Source.Json!.Nesting);
        Assert.Equal(["type", "id", "properties_mag", "properties_place", "properties_tsunami", "geometry_type", "geometry_coordinates"], state.Preview!.Columns.Take(7));
        Assert.Equal(IngestionWorkflow.PreviewRows, state.Preview.Rows.Count);
        state.Assessed(await Workflow.AssessAsync(state.Schema, state.LoadedColumns(), [], CancellationToken.None));
        foreach (var review in state.PiiReviews.ToList())
        {
            state.Decide(review.Finding.Column, PiiDecision.Dismissed);
        }
        state.ToTarget();
        state.SetTarget(state.Target! with { Schema = "geo", Table = "quakes" });
        var table = await Workflow.TableAsync("geo", "quakes", "tester", CancellationToken.None);
        state.Planned(await Workflow.PlanAsync(state.BuildRequest(table), CancellationToken.None));
        state.Started();
        state.Completed(await Workflow.LoadAsync(state.BuildRequest(table), upload.Id, state.PiiReviews, CancellationToken.None));

        Assert.Equal((1_707L, 1_707L), (state.Report!.RowsRead, state.Report.RowsLoaded));
    }
}
