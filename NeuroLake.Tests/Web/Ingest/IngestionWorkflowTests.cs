using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Web.Components.Pages.Ingest;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Tests.Web.Ingest;

/// <summary>The wizard's steps against the real engine and catalog of the web app.</summary>
public sealed class IngestionWorkflowTests(WorkbenchAppFactory app) : IClassFixture<WorkbenchAppFactory>
{
    private const string Customers =
        "Customer Id,E-mail,Amount\n1,ann@example.com,10\n2,bob@example.org,20\n3,cy@example.net,oops\n4,dee@example.com,40\n5,eve@example.io,50\n";

    private IngestionWorkflow Workflow => app.Services.GetRequiredService<IngestionWorkflow>();

    private async Task<(IngestWizardState State, UploadedFile Upload)> ProposedAsync(string text, string fileName = "customers.csv")
    {
        var upload = (await app.Services.GetRequiredService<UploadStore>().SaveAsync("tester", fileName, new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None)).Upload;
        var state = new IngestWizardState();
        state.UploadStarted("u", fileName, upload.Size);
        state.UploadFinished("u", upload.Id);
        state.Choose("u");
        state.Detected(await Workflow.ProposeAsync(upload.Id, CancellationToken.None));
        return (state, upload);
    }

    [Fact]
    public async Task A_file_goes_from_upload_to_a_catalog_table_with_confirmed_pii_and_its_bad_rows_quarantined()
    {
        var (state, upload) = await ProposedAsync(Customers);
        state.Retype(2, "BIGINT");
        state.Previewed(await Workflow.PreviewAsync(state.Schema!, state.LoadedColumns(), CancellationToken.None));
        state.Assessed(await Workflow.AssessAsync(state.Schema!, state.LoadedColumns(), [], CancellationToken.None));
        state.Decide("e_mail", PiiDecision.Confirmed);
        state.MarkPii("customer_id", SemanticType.Ssn);
        state.ToTarget();
        state.SetTarget(state.Target! with { Schema = "sales", Table = "customers" });
        var table = await Workflow.TableAsync("sales", "customers", "tester", CancellationToken.None);
        state.Planned(await Workflow.PlanAsync(state.BuildRequest(table), CancellationToken.None));
        state.Started();
        state.Completed(await Workflow.LoadAsync(state.BuildRequest(table), upload.Id, state.PiiReviews, CancellationToken.None));

        Assert.Equal(["customer_id", "e_mail", "amount"], state.Preview!.Columns.Take(3));
        Assert.Contains(state.Preview.Rows, row => row[0] is 3L && row[2] is null);
        Assert.Equal(1, state.Findings!.Quality.RowsWithParseFailures);
        Assert.Equal((5L, 4L, 1L), (state.Report!.RowsRead, state.Report.RowsLoaded, state.Report.RowsQuarantined));
        var info = await app.Services.GetRequiredService<CatalogStore>().FindTableAsync(SecurablePath.ForTable("main", "sales", "customers"));
        Assert.Equal(new PiiClassification("email", 1, PiiSource.Confirmed), info!.Columns.Single(c => c.Name == "e_mail").Pii! with { Confidence = 1 });
        Assert.Equal(new PiiClassification("ssn", 1, PiiSource.Manual), info.Columns.Single(c => c.Name == "customer_id").Pii);
        var quarantine = await Workflow.QuarantineAsync(state.LoadedTable!, 10, CancellationToken.None);
        var row = Assert.Single(quarantine.Rows);
        Assert.Equal("oops", row[quarantine.Columns.ToList().IndexOf("amount")]);
        Assert.Null(app.Services.GetRequiredService<UploadStore>().Find(upload.Id));
        var audited = (await app.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditSearch { Action = AuditAction.Ingestion, Target = "main.sales.customers" })).Entries;
        Assert.Contains(audited, e => e.Details == "customers.csv (NewTable) through the ingestion wizard");
    }

    [Fact]
    public async Task A_utf16_big_endian_upload_is_previewed_and_loaded_from_its_copy_which_goes_with_the_upload()
    {
        var uploads = app.Services.GetRequiredService<UploadStore>();
        var bytes = new UnicodeEncoding(bigEndian: true, byteOrderMark: false).GetBytes("id;city\n1;Zürich\n2;東京\n");
        var upload = (await uploads.SaveAsync("tester", "cities.csv", new MemoryStream(bytes), CancellationToken.None)).Upload;
        var state = new IngestWizardState();
        state.UploadStarted("u", "cities.csv", upload.Size);
        state.UploadFinished("u", upload.Id);
        state.Choose("u");
        state.Detected(await Workflow.ProposeAsync(upload.Id, CancellationToken.None));

        Assert.Equal("utf-16be", state.Schema!.Source.OriginalEncodingName);
        Assert.Equal(upload.Path, uploads.Find(upload.Id)!.Path);
        state.Previewed(await Workflow.PreviewAsync(state.Schema, state.LoadedColumns(), CancellationToken.None));
        Assert.Contains(state.Preview!.Rows, row => row[1] is "東京");
        state.Assessed(await Workflow.AssessAsync(state.Schema, state.LoadedColumns(), [], CancellationToken.None));
        state.ToTarget();
        var table = await Workflow.TableAsync("default", "cities_utf16", "tester", CancellationToken.None);
        state.Planned(await Workflow.PlanAsync(state.BuildRequest(table), CancellationToken.None));
        state.Started();
        state.Completed(await Workflow.LoadAsync(state.BuildRequest(table), upload.Id, state.PiiReviews, CancellationToken.None));

        Assert.Equal(2L, state.Report!.RowsLoaded);
        Assert.False(File.Exists(state.Schema.Source.Path), "The UTF-8 copy outlived its upload.");
    }

    [Fact]
    public async Task Dismissed_pii_is_not_classified()
    {
        var (state, upload) = await ProposedAsync(Customers, "dismissed.csv");
        state.Previewed(await Workflow.PreviewAsync(state.Schema!, state.LoadedColumns(), CancellationToken.None));
        state.Assessed(await Workflow.AssessAsync(state.Schema!, state.LoadedColumns(), [], CancellationToken.None));
        state.Decide("e_mail", PiiDecision.Dismissed);
        state.ToTarget();
        var table = await Workflow.TableAsync("default", "dismissed", "tester", CancellationToken.None);
        state.Planned(await Workflow.PlanAsync(state.BuildRequest(table), CancellationToken.None));
        state.Started();
        state.Completed(await Workflow.LoadAsync(state.BuildRequest(table), upload.Id, state.PiiReviews, CancellationToken.None));

        var info = await app.Services.GetRequiredService<CatalogStore>().FindTableAsync(SecurablePath.ForTable("main", "default", "dismissed"));
        Assert.All(info!.Columns, c => Assert.Null(c.Pii));
    }

    [Fact]
    public async Task Appending_a_file_with_a_conflicting_type_is_refused_by_the_plan_and_the_table_keeps_its_rows()
    {
        var (first, firstUpload) = await ProposedAsync("id,amount\n1,10\n2,20\n", "amounts.csv");
        var table = await Workflow.TableAsync("default", "amounts", "tester", CancellationToken.None);
        first.Previewed(RowPage.Empty);
        await Workflow.LoadAsync(first.BuildRequest(table), firstUpload.Id, [], CancellationToken.None);
        var (second, _) = await ProposedAsync("id,amount\n3,n/a\n", "amounts.csv");
        second.Retype(1, "VARCHAR");

        var plan = await Workflow.PlanAsync(second.BuildRequest(table) with { Mode = LoadMode.Append }, CancellationToken.None);

        Assert.False(plan.Allowed);
        Assert.Equal("amount", Assert.Single(plan.Conflicts).Column);
        Assert.Equal(0, (await table.GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task A_load_where_every_row_is_quarantined_creates_no_table_keeps_the_upload_and_warns()
    {
        var (state, upload) = await ProposedAsync("id,amount\n1,x\n2,y\n", "all_bad.csv");
        state.Retype(1, "BIGINT");
        var table = await Workflow.TableAsync("default", "all_bad", "tester", CancellationToken.None);

        var report = await Workflow.LoadAsync(state.BuildRequest(table), upload.Id, [], CancellationToken.None);

        Assert.False(report.TableWritten);
        Assert.Equal((2L, 0L, 2L), (report.RowsRead, report.RowsLoaded, report.RowsQuarantined));
        Assert.False(await table.ExistsAsync());
        Assert.Null(await app.Services.GetRequiredService<CatalogStore>().FindTableAsync(SecurablePath.ForTable("main", "default", "all_bad")));
        Assert.Equal(2, (await Workflow.QuarantineAsync(SecurablePath.ForTable("main", "default", "all_bad"), 10, CancellationToken.None)).Rows.Count);
        Assert.NotNull(app.Services.GetRequiredService<UploadStore>().Find(upload.Id));
        Assert.Equal(MudBlazor.Severity.Warning, LoadOutcome.For(report).Severity);
    }

    [Fact]
    public async Task Asked_to_keep_it_an_empty_new_table_is_created_and_the_load_still_warns()
    {
        var (state, upload) = await ProposedAsync("id,amount\n1,x\n", "kept_empty.csv");
        state.Retype(1, "BIGINT");
        state.Previewed(RowPage.Empty);
        state.Assessed(new SourceFindings(new NeuroLake.Engine.Ingestion.Quality.QualityReport(1, [], 0, 0, [], false, 0, 100, []), []));
        state.ToTarget();
        state.SetTarget(state.Target! with { KeepEmptyTable = true });
        var table = await Workflow.TableAsync("default", "kept_empty", "tester", CancellationToken.None);

        var report = await Workflow.LoadAsync(state.BuildRequest(table), upload.Id, [], CancellationToken.None);

        Assert.True(report.TableWritten);
        Assert.Equal(0, (await table.GetSnapshotAsync()).Version);
        Assert.Equal(MudBlazor.Severity.Warning, LoadOutcome.For(report).Severity);
    }

    [Fact]
    public async Task Appending_only_bad_rows_to_an_existing_table_writes_a_version_and_keeps_its_rows()
    {
        var (first, firstUpload) = await ProposedAsync("id,amount\n1,10\n", "existing.csv");
        var table = await Workflow.TableAsync("default", "existing", "tester", CancellationToken.None);
        await Workflow.LoadAsync(first.BuildRequest(table), firstUpload.Id, [], CancellationToken.None);
        var (second, secondUpload) = await ProposedAsync("id,amount\n2,n/a\n", "existing.csv");
        second.Retype(1, "BIGINT");

        var report = await Workflow.LoadAsync(second.BuildRequest(table) with { Mode = LoadMode.Append }, secondUpload.Id, [], CancellationToken.None);

        Assert.True(report.TableWritten);
        Assert.Equal((0L, 1L), (report.RowsLoaded, report.RowsQuarantined));
        Assert.Equal(1, (await table.GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task An_upload_that_is_gone_says_to_upload_it_again()
    {
        var error = await Assert.ThrowsAsync<IngestionException>(() => Workflow.ProposeAsync("0123456789abcdef0123456789abcdef", CancellationToken.None));

        Assert.Contains("upload it again", error.Message);
    }
}
