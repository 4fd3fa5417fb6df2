using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Engine.Ingestion.Quality;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Web.Components.Pages.Ingest;

namespace NeuroLake.Tests.Web.Ingest;

public sealed class IngestWizardStateTests
{
    private static readonly ProposedSchema People = new(
        new DetectedSource("/staging/people.csv", SourceFormat.Csv, SourceCompression.None, TextEncoding.Utf8,
            new CsvDialect(",", "\"", "\"", true, 0, null, null), [new("Id", "BIGINT", true), new("E-mail", "VARCHAR", true), new("Joined", "DATE", true)]),
        [
            new ProposedColumn("id", "Id", new SourceColumn("Id", "BIGINT", true), "BIGINT", false, ParseMethod.Cast),
            new ProposedColumn("e_mail", "E-mail", new SourceColumn("E-mail", "VARCHAR", true), "VARCHAR", true, ParseMethod.AsRead),
            new ProposedColumn("joined", "Joined", new SourceColumn("Joined", "DATE", true), "DATE", true, ParseMethod.Strptime("%d/%m/%Y")),
        ],
        ["id", "e_mail", "joined"], [], 3, true);

    private static readonly PiiFinding Email = new("e_mail", SemanticType.Email, 0.95, 1, true, 3, [SemanticType.Email]);

    private static IngestWizardState AtSchema()
    {
        var state = new IngestWizardState();
        state.UploadStarted("upload-1", "People List.csv", 100);
        state.UploadFinished("upload-1", "0123456789abcdef0123456789abcdef");
        state.Choose("upload-1");
        state.Detected(People);
        return state;
    }

    private static IngestWizardState AtFindings(params PiiFinding[] pii)
    {
        var state = AtSchema();
        state.Previewed(RowPage.Empty);
        state.Assessed(new SourceFindings(new QualityReport(3, [], 0, 0, [], false, 0, 100, []), pii));
        return state;
    }

    [Fact]
    public void Upload_progress_is_tracked_per_file_and_only_finished_uploads_can_be_chosen()
    {
        var state = new IngestWizardState();
        state.UploadStarted("a", "a.csv", 200);
        state.UploadStarted("b", "b.csv", 50);
        state.UploadProgressed("a", 100);
        state.UploadFailed("b", "Upload failed: the server answered 500.");

        Assert.Equal((50, UploadStatus.Uploading), (state.Uploads[0].Percent, state.Uploads[0].Status));
        Assert.Equal(UploadStatus.Failed, state.Uploads[1].Status);
        Assert.Throws<InvalidOperationException>(() => state.Choose("a"));
        state.UploadFinished("a", "id");
        Assert.Equal(100, state.Uploads[0].Percent);
        state.Choose("a");
        Assert.Equal(WizardStep.Detect, state.Step);
    }

    [Fact]
    public void Staged_uploads_are_listed_once_as_ready_to_load()
    {
        var state = new IngestWizardState();

        state.Staged("0123456789abcdef0123456789abcdef", "earlier.csv", 10);
        state.Staged("0123456789abcdef0123456789abcdef", "earlier.csv", 10);

        var entry = Assert.Single(state.Uploads);
        Assert.Equal((UploadStatus.Done, "0123456789abcdef0123456789abcdef", 100), (entry.Status, entry.UploadId, entry.Percent));
        state.Choose(entry.ClientId);
        Assert.Equal(WizardStep.Detect, state.Step);
    }

    [Fact]
    public void Detection_moves_to_the_schema_with_a_table_named_after_the_file()
    {
        var state = AtSchema();

        Assert.Equal(WizardStep.Schema, state.Step);
        Assert.Equal(["id", "e_mail", "joined"], state.Columns.Select(c => c.Name));
        Assert.Equal(new LoadTarget("default", "people_list", LoadMode.NewTable), state.Target);
    }

    [Fact]
    public void A_failed_detection_returns_to_the_upload_list_with_the_error()
    {
        var state = new IngestWizardState();
        state.UploadStarted("a", "a.csv", 1);
        state.UploadFinished("a", "id");
        state.Choose("a");

        state.Failed("'a.csv' is empty: upload a file with a header or at least one row.");

        Assert.Equal(WizardStep.Upload, state.Step);
        Assert.Null(state.Current);
        Assert.Contains("is empty", state.Error);
    }

    [Fact]
    public void Renamed_and_retyped_columns_are_loaded_with_a_parse_that_yields_the_new_type()
    {
        var state = AtSchema();

        state.Rename(1, " email ");
        state.Retype(0, "varchar");
        state.Retype(2, "TIMESTAMP");
        var columns = state.LoadedColumns();

        Assert.Equal(("email", ParseKind.AsRead), (columns[1].Name, columns[1].Parse.Kind));
        Assert.Equal(("VARCHAR", ParseKind.AsRead), (columns[0].DuckDbType, columns[0].Parse.Kind));
        Assert.Equal(ParseMethod.Strptime("%d/%m/%Y"), columns[2].Parse);
        Assert.Equal("Id", columns[0].Source.Name);
    }

    [Fact]
    public void Invalid_or_duplicate_names_block_the_preview_with_a_reason()
    {
        var state = AtSchema();

        state.Rename(1, "id");
        state.Rename(2, "2nd date");

        var problems = state.SchemaProblems();
        Assert.Contains(problems, p => p.Contains("'2nd date'") && p.Contains("not a valid column name"));
        Assert.Contains(problems, p => p.Contains("2 columns are named 'id'"));
        Assert.Throws<InvalidOperationException>(() => state.Previewed(RowPage.Empty));
        Assert.Equal(WizardStep.Schema, state.Step);
    }

    [Fact]
    public void Every_pii_finding_must_be_confirmed_or_dismissed_before_the_target()
    {
        var phone = new PiiFinding("joined", SemanticType.Phone, 0.7, 0.8, false, 3, [SemanticType.Phone]);
        var state = AtFindings(Email, phone);

        Assert.Contains("e_mail, joined", state.FindingsProblem());
        Assert.Throws<InvalidOperationException>(state.ToTarget);
        state.Decide("e_mail", PiiDecision.Confirmed);
        state.Decide("joined", PiiDecision.Dismissed);
        state.ToTarget();

        Assert.Equal(WizardStep.Target, state.Step);
    }

    [Fact]
    public void A_column_marked_by_hand_replaces_its_finding_and_starts_confirmed()
    {
        var state = AtFindings(Email);

        state.MarkPii("e_mail", SemanticType.PersonName);
        state.MarkPii("joined", SemanticType.DateOfBirth);

        Assert.Equal([("e_mail", SemanticType.PersonName), ("joined", SemanticType.DateOfBirth)], state.PiiReviews.Select(r => (r.Finding.Column, r.Finding.Type)));
        Assert.All(state.PiiReviews, r => Assert.True(r.Manual && r.Decision == PiiDecision.Confirmed));
        Assert.Null(state.FindingsProblem());
        Assert.Throws<ArgumentException>(() => state.MarkPii("nope", SemanticType.Email));
    }

    [Fact]
    public void The_request_carries_confirmed_pii_partitions_for_a_new_table_and_keys_for_a_merge()
    {
        var state = AtSchema();
        state.SetPartition(2, true);
        state.SetKey(0, true);
        state.Previewed(RowPage.Empty);
        state.Assessed(new SourceFindings(new QualityReport(3, [], 0, 0, [], false, 0, 100, []), [Email]));
        state.Decide("e_mail", PiiDecision.Confirmed);
        state.ToTarget();

        var create = state.BuildRequest(null!);
        state.SetTarget(state.Target! with { Mode = LoadMode.MergeOnKey });
        var problems = state.TargetProblems();

        Assert.Equal(LoadMode.NewTable, create.Mode);
        Assert.Equal(["joined"], create.PartitionColumns);
        Assert.Empty(create.KeyColumns);
        Assert.Equal([Email], create.PiiFindings);
        Assert.Contains(problems, p => p.Contains("Partition columns apply to a new table only"));
    }

    [Fact]
    public void The_load_runs_only_with_an_allowed_plan_and_a_refused_run_returns_to_the_target()
    {
        var state = AtFindings();
        state.ToTarget();
        Assert.False(state.CanRun);
        Assert.Throws<InvalidOperationException>(state.Started);

        state.Planned(new LoadPlan(true, 3, [], [], [], "'…/people_list' already exists: append, overwrite or merge into it, or choose a new table name."));
        Assert.False(state.CanRun);
        state.SetTarget(state.Target! with { Mode = LoadMode.Append });
        Assert.Null(state.Plan);
        state.Planned(new LoadPlan(true, 3, [], [], [], null));
        state.Started();
        state.Failed("Rows failed to parse.");

        Assert.Equal((WizardStep.Target, "Rows failed to parse."), (state.Step, state.Error));
    }

    [Fact]
    public void A_completed_load_shows_the_summary_and_start_over_keeps_the_loaded_file_marked()
    {
        var state = AtFindings();
        state.ToTarget();
        state.Planned(new LoadPlan(false, null, [], [], [], null));
        state.Started();

        state.Completed(new LoadReport(state.Plan!, 0, 3, 3, 0, 0, null, new QualityReport(3, [], 0, 0, [], false, 0, 100, []), [], null));

        Assert.Equal(WizardStep.Summary, state.Step);
        Assert.Equal("main.default.people_list", state.LoadedTable!.ToString());
        state.StartOver();
        Assert.Equal((WizardStep.Upload, true), (state.Step, state.Uploads[0].Loaded));
        Assert.Throws<InvalidOperationException>(() => state.Choose("upload-1"));
    }

    [Fact]
    public void Back_walks_the_steps_in_reverse_and_the_schema_goes_back_to_the_uploads()
    {
        var state = AtFindings();

        state.Back();
        Assert.Equal(WizardStep.Preview, state.Step);
        state.Back();
        state.Back();

        Assert.Equal(WizardStep.Upload, state.Step);
        Assert.Null(state.Current);
    }

    [Theory]
    [InlineData("Bird Strikes 2024.csv", "bird_strikes_2024")]
    [InlineData("data.csv.gz", "data")]
    [InlineData("2024.csv", "c_2024")]
    [InlineData("☃.csv", "uploaded_file")]
    public void Table_names_come_from_file_names(string file, string table) => Assert.Equal(table, IngestWizardState.TableNameFor(file));
}
