using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Engine.Ingestion.Quality;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Web.Components.Pages.Ingest;

namespace NeuroLake.Tests.Web.Ingest;

/// <summary>The wizard's edits survive a reload: kept as a draft on every edit, re-applied when the findings are worked out again.</summary>
public sealed class WizardDraftTests
{
    private const string UploadId = "0123456789abcdef0123456789abcdef";

    private static readonly ProposedSchema People = new(
        new DetectedSource("/staging/people.csv", SourceFormat.Csv, SourceCompression.None, TextEncoding.Utf8,
            new CsvDialect(",", "\"", "\"", true, 0, null, null), [new("Id", "BIGINT", true), new("E-mail", "VARCHAR", true)]),
        [
            new ProposedColumn("id", "Id", new SourceColumn("Id", "BIGINT", true), "BIGINT", false, ParseMethod.Cast),
            new ProposedColumn("e_mail", "E-mail", new SourceColumn("E-mail", "VARCHAR", true), "VARCHAR", true, ParseMethod.AsRead),
        ],
        ["id", "e_mail"], [], 2, true);

    private static readonly PiiFinding Email = new("email", SemanticType.Email, 0.95, 1, true, 2, [SemanticType.Email]);

    private static readonly SourceFindings Findings = new(new QualityReport(2, [], 0, 0, [], false, 0, 100, []), [Email]);

    private static IngestWizardState Opened(WizardDraft? draft = null)
    {
        var state = new IngestWizardState();
        state.Staged(UploadId, "people.csv", 10);
        state.Choose(state.Uploads[0].ClientId, draft);
        state.Detected(People);
        return state;
    }

    [Fact]
    public void Every_edit_raises_the_draft_and_a_new_visit_with_it_restores_names_types_marks_decisions_and_target()
    {
        var first = Opened();
        var drafts = new List<WizardDraft>();
        first.Edited += drafts.Add;
        first.Rename(1, "email");
        first.Retype(0, "VARCHAR");
        first.SetKey(0, true);
        first.Previewed(RowPage.Empty);
        first.Assessed(Findings);
        first.Decide("email", PiiDecision.Confirmed);
        first.MarkPii("id", SemanticType.Ssn);
        first.ToTarget();
        first.SetTarget(first.Target! with { Table = "staff", KeepEmptyTable = true });

        var again = Opened(drafts[^1]);
        again.Previewed(RowPage.Empty);
        again.Assessed(Findings);

        Assert.Equal(6, drafts.Count);
        Assert.Equal([("id", "VARCHAR", true), ("email", "VARCHAR", false)], again.Columns.Select(c => (c.Name, c.Type, c.Key)));
        Assert.Equal(new LoadTarget("default", "staff", LoadMode.NewTable, KeepEmptyTable: true), again.Target);
        Assert.Equal([("email", PiiDecision.Confirmed, false), ("id", PiiDecision.Confirmed, true)], again.PiiReviews.Select(r => (r.Finding.Column, r.Decision, r.Manual)));
        Assert.Null(again.FindingsProblem());
    }

    [Fact]
    public void Decisions_survive_going_back_to_the_schema_and_forward_again()
    {
        var state = Opened();
        state.Rename(1, "email");
        state.Previewed(RowPage.Empty);
        state.Assessed(Findings);
        state.Decide("email", PiiDecision.Dismissed);

        state.Back();
        state.Back();
        state.SetPartition(0, false);
        state.Previewed(RowPage.Empty);
        state.Assessed(Findings);

        Assert.Equal(PiiDecision.Dismissed, Assert.Single(state.PiiReviews).Decision);
    }

    [Fact]
    public void A_draft_naming_columns_the_file_no_longer_has_is_ignored_for_them()
    {
        var draft = new WizardDraft([new ColumnDraft("Gone", "gone", "DATE", true, false)], [new PiiDraft("gone", SemanticType.Email, PiiDecision.Confirmed, true)], null);

        var state = Opened(draft);
        state.Previewed(RowPage.Empty);
        state.Assessed(new SourceFindings(Findings.Quality, []));

        Assert.Equal(["id", "e_mail"], state.Columns.Select(c => c.Name));
        Assert.Equal("people", state.Target!.Table);
        Assert.Empty(state.PiiReviews);
    }

    [Theory]
    [InlineData(null, null, "ingest", WizardStep.Upload)]
    [InlineData(UploadId, null, "ingest?upload=" + UploadId + "&step=schema", WizardStep.Schema)]
    [InlineData(UploadId, "FINDINGS", "ingest?upload=" + UploadId + "&step=findings", WizardStep.Findings)]
    [InlineData(UploadId, "run", "ingest?upload=" + UploadId + "&step=schema", WizardStep.Schema)]
    public void Addresses_read_from_and_write_to_the_query_string(string? upload, string? step, string url, WizardStep parsed)
    {
        var address = WizardAddress.Parse(upload, step);

        Assert.Equal((url, parsed), (address.Url, address.Step));
    }

    [Fact]
    public void The_address_of_a_running_load_is_its_target_and_moving_stays_between_schema_and_target()
    {
        var state = Opened();

        Assert.Equal(new WizardAddress(UploadId, WizardStep.Schema), WizardAddress.Of(state));
        Assert.Equal(WizardStep.Schema, WizardAddress.Of(state).Move(-1).Step);
        Assert.Equal(WizardStep.Target, new WizardAddress(UploadId, WizardStep.Target).Move(+1).Step);
        state.Leave();
        Assert.Equal(WizardAddress.UploadList, WizardAddress.Of(state));
    }

    [Fact]
    public void The_same_upload_finishing_again_is_listed_once()
    {
        var state = new IngestWizardState();
        state.Staged(UploadId, "people.csv", 10);
        state.UploadStarted("upload-2", "people again.csv", 10);

        var listed = state.UploadFinished("upload-2", UploadId);

        Assert.Equal("people.csv", listed.FileName);
        Assert.Single(state.Uploads);
    }
}
