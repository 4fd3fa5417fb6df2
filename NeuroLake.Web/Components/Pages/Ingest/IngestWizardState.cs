using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Engine.Tables;

namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>
/// The ingestion wizard as a state machine: upload → detect → schema → preview → findings → target → run → summary.
/// The page calls the engine and reports outcomes here; this class decides which step is current, what blocks moving
/// on (with the reason to show), and builds the <see cref="LoadRequest"/> from the user's choices. The choices are also
/// kept as a <see cref="WizardDraft"/> (raised through <see cref="Edited"/>) and re-applied when the findings are worked out again.
/// </summary>
public sealed class IngestWizardState
{
    private readonly List<UploadEntry> _uploads = [];

    public WizardStep Step { get; private set; } = WizardStep.Upload;

    /// <summary>Raised after every edit of a column, a PII decision or the target, with the draft to keep.</summary>
    public event Action<WizardDraft>? Edited;

    /// <summary>The choices made for <see cref="Current"/> so far (restored from an earlier visit by <see cref="Choose"/>).</summary>
    public WizardDraft Draft { get; private set; } = WizardDraft.Empty;

    public IReadOnlyList<UploadEntry> Uploads => _uploads;

    /// <summary>The upload being loaded; null before one is chosen.</summary>
    public UploadEntry? Current { get; private set; }

    public ProposedSchema? Schema { get; private set; }

    public IReadOnlyList<ColumnEdit> Columns { get; private set; } = [];

    public RowPage? Preview { get; private set; }

    public SourceFindings? Findings { get; private set; }

    public IReadOnlyList<PiiReview> PiiReviews { get; private set; } = [];

    public LoadTarget? Target { get; private set; }

    /// <summary>The plan for <see cref="Target"/>; null until planned, and again whenever the target or schema changes.</summary>
    public LoadPlan? Plan { get; private set; }

    public LoadReport? Report { get; private set; }

    /// <summary>The last engine error, shown in place on the current step; cleared by the next step change.</summary>
    public string? Error { get; private set; }

    // Uploads

    public UploadEntry UploadStarted(string clientId, string fileName, long size)
    {
        var entry = new UploadEntry(clientId, fileName, size);
        _uploads.Add(entry);
        return entry;
    }

    /// <summary>Lists a file uploaded earlier (before a reload or by another tab) as ready to load.</summary>
    public void Staged(string uploadId, string fileName, long size, DateTimeOffset? expiresAt = null)
    {
        if (_uploads.Any(u => u.UploadId == uploadId))
        {
            return;
        }

        var entry = UploadStarted("staged-" + uploadId, fileName, size);
        UploadFinished(entry.ClientId, uploadId).ExpiresAt = expiresAt;
    }

    public void UploadProgressed(string clientId, long bytesSent) => Upload(clientId).BytesSent = bytesSent;

    /// <summary>
    /// The server stored the file as <paramref name="uploadId"/>. When that upload is listed already (the same bytes were
    /// uploaded before) the new entry goes and the listed one is returned: a file is shown once.
    /// </summary>
    public UploadEntry UploadFinished(string clientId, string uploadId)
    {
        var entry = Upload(clientId);
        if (_uploads.FirstOrDefault(u => u.UploadId == uploadId && u != entry) is { } listed)
        {
            _uploads.Remove(entry);
            return listed;
        }

        (entry.Status, entry.UploadId, entry.BytesSent) = (UploadStatus.Done, uploadId, entry.Size);
        return entry;
    }

    /// <summary>Drops a removed or failed upload from the list.</summary>
    public void Remove(string clientId)
    {
        var entry = Upload(clientId);
        if (entry == Current)
        {
            throw new InvalidOperationException($"'{entry.FileName}' is being loaded: go back to the upload list first.");
        }

        _uploads.Remove(entry);
    }

    public void UploadFailed(string clientId, string error)
    {
        var entry = Upload(clientId);
        (entry.Status, entry.Error) = (UploadStatus.Failed, error);
    }

    /// <summary>Starts loading an uploaded file with the choices of an earlier visit (<paramref name="draft"/>): the page detects it next.</summary>
    public void Choose(string clientId, WizardDraft? draft = null)
    {
        Require(WizardStep.Upload);
        var entry = Upload(clientId);
        if (entry.Status != UploadStatus.Done || entry.Loaded)
        {
            throw new InvalidOperationException($"'{entry.FileName}' is not an uploaded file waiting to be loaded.");
        }

        Current = entry;
        Draft = draft ?? WizardDraft.Empty;
        Enter(WizardStep.Detect);
    }

    public void Detected(ProposedSchema schema)
    {
        Require(WizardStep.Detect);
        Schema = schema;
        Columns = schema.Columns.Select(c => Restored(new ColumnEdit(c))).ToList();
        Target = Draft.Target ?? new LoadTarget("default", TableNameFor(Current!.FileName), LoadMode.NewTable);
        Enter(WizardStep.Schema);
    }

    /// <summary>Detection or a later engine call failed: the message is shown on the current step (detection returns to the upload list).</summary>
    public void Failed(string message)
    {
        if (Step is WizardStep.Detect)
        {
            Enter(WizardStep.Upload);
            Current = null;
        }
        else if (Step is WizardStep.Run)
        {
            Enter(WizardStep.Target);
        }

        Error = message;
    }

    // Schema

    /// <summary>
    /// Reads nested JSON objects as <paramref name="nesting"/> says: saved in the draft, and back to detection, since the
    /// columns change; the page detects again. False (nothing changes) when it is the current choice.
    /// </summary>
    public bool ReadNestedAs(JsonNesting nesting)
    {
        Require(WizardStep.Schema);
        if (nesting == Draft.JsonNesting)
        {
            return false;
        }

        // Every edit is already in the draft (see Remember); only the choice is new.
        Draft = Draft with { JsonNesting = nesting };
        Edited?.Invoke(Draft);
        (Schema, Columns, Preview, Findings, PiiReviews, Plan) = (null, [], null, null, [], null);
        Enter(WizardStep.Detect);
        return true;
    }

    /// <summary>
    /// Reads the Excel sheet named <paramref name="sheet"/>: saved in the draft, and back to detection, since the columns
    /// change; the page detects again. False (nothing changes) when it is the sheet already read.
    /// </summary>
    public bool ReadSheet(string sheet)
    {
        Require(WizardStep.Schema);
        if (sheet == Schema?.Source.Workbook?.Sheet)
        {
            return false;
        }

        // Column edits belong to the sheet they were made on; PII decisions name columns too.
        Draft = Draft with { Sheet = sheet, Columns = [], Pii = [] };
        Edited?.Invoke(Draft);
        (Schema, Columns, Preview, Findings, PiiReviews, Plan) = (null, [], null, null, [], null);
        Enter(WizardStep.Detect);
        return true;
    }

    public void Rename(int column, string name) => Edit(column, c => c.Name = name.Trim());

    public void Retype(int column, string type) => Edit(column, c => c.Type = type.Trim().ToUpperInvariant());

    public void SetKey(int column, bool key) => Edit(column, c => c.Key = key);

    public void SetPartition(int column, bool partition) => Edit(column, c => c.Partition = partition);

    /// <summary>Why the edited schema cannot be used, one message per problem; empty when it can.</summary>
    public IReadOnlyList<string> SchemaProblems() => WizardRules.SchemaProblems(Columns, Target);

    /// <summary>The columns to load, as edited.</summary>
    public IReadOnlyList<ProposedColumn> LoadedColumns() => Columns.Select(c => c.ToColumn()).ToList();

    public IReadOnlyList<string> KeyColumns() => Columns.Where(c => c.Key).Select(c => c.Name).ToList();

    public void Previewed(RowPage preview)
    {
        Require(WizardStep.Schema);
        RequireNoProblems(SchemaProblems());
        Preview = preview;
        Enter(WizardStep.Preview);
    }

    public void Assessed(SourceFindings findings)
    {
        Require(WizardStep.Preview);
        Findings = findings;
        var detected = findings.Pii.Select(p => new PiiReview(p)).ToList();
        foreach (var review in detected)
        {
            if (Draft.Pii.FirstOrDefault(d => !d.Manual && d.Column == review.Finding.Column && d.Type == review.Finding.Type) is { } decided)
            {
                review.Decision = decided.Decision;
            }
        }

        var byHand = Draft.Pii.Where(d => d.Manual && Columns.Any(c => c.Name == d.Column)).ToList();
        PiiReviews = detected.Where(r => byHand.All(d => d.Column != r.Finding.Column))
            .Concat(byHand.Select(d => PiiReview.MarkedByHand(d.Column, d.Type)))
            .ToList();
        Enter(WizardStep.Findings);
    }

    // Findings

    public void Decide(string column, PiiDecision decision)
    {
        (PiiReviews.FirstOrDefault(r => r.Finding.Column == column) ?? throw new ArgumentException($"No PII finding for '{column}'.", nameof(column))).Decision = decision;
        Remember();
    }

    /// <summary>Marks a column as holding personal data that detection did not find (or replaces its finding).</summary>
    public void MarkPii(string column, SemanticType type)
    {
        Require(WizardStep.Findings);
        if (!Columns.Any(c => c.Name == column))
        {
            throw new ArgumentException($"No column is named '{column}'.", nameof(column));
        }

        PiiReviews = PiiReviews.Where(r => r.Finding.Column != column).Append(PiiReview.MarkedByHand(column, type)).ToList();
        Remember();
    }

    /// <summary>Every finding must be confirmed or dismissed before choosing a target.</summary>
    public string? FindingsProblem()
    {
        var pending = PiiReviews.Where(r => r.Decision == PiiDecision.Pending).Select(r => r.Finding.Column).ToList();
        return pending.Count == 0 ? null : $"Confirm or dismiss the PII finding(s) for {string.Join(", ", pending)}.";
    }

    public void ToTarget()
    {
        Require(WizardStep.Findings);
        RequireNoProblems(FindingsProblem() is { } problem ? [problem] : []);
        Enter(WizardStep.Target);
    }

    // Target

    public void SetTarget(LoadTarget target)
    {
        Target = target;
        Plan = null;
        Remember();
    }

    public IReadOnlyList<string> TargetProblems() => WizardRules.TargetProblems(Target, Columns);

    public void Planned(LoadPlan plan)
    {
        Require(WizardStep.Target);
        Plan = plan;
        Error = null;
    }

    /// <summary>True when the plan for the current target allows the load.</summary>
    public bool CanRun => Step == WizardStep.Target && Plan is { Allowed: true } && TargetProblems().Count == 0;

    /// <summary>The request for <paramref name="table"/> (the Delta table of <see cref="Target"/>) from every choice made.</summary>
    public LoadRequest BuildRequest(DeltaTable table)
    {
        var target = Target ?? throw new InvalidOperationException("Choose a target first.");
        return new LoadRequest(table, Schema ?? throw new InvalidOperationException("Detect a file first."), target.Mode)
        {
            Columns = LoadedColumns(),
            PartitionColumns = target.Mode == LoadMode.NewTable ? Columns.Where(c => c.Partition).Select(c => c.Name).ToList() : [],
            KeyColumns = target.Mode == LoadMode.MergeOnKey ? KeyColumns() : [],
            MergeSchema = target.MergeSchema,
            PiiFindings = PiiReviews.Where(r => r.Decision == PiiDecision.Confirmed).Select(r => r.Finding).ToList(),
            KeepEmptyNewTable = target.KeepEmptyTable,
        };
    }

    public void Started()
    {
        Require(WizardStep.Target);
        if (!CanRun)
        {
            throw new InvalidOperationException("The load is not planned or not allowed: plan the target first.");
        }

        Enter(WizardStep.Run);
    }

    public void Completed(LoadReport report)
    {
        Require(WizardStep.Run);
        Report = report;
        // A load that created nothing keeps its upload, so the schema can be fixed and the file loaded again.
        Current!.Loaded = report.TableWritten;
        Enter(WizardStep.Summary);
    }

    /// <summary>The loaded table's catalog name (from the report, else the target).</summary>
    public SecurablePath? LoadedTable =>
        Report?.CatalogTable ?? (Target is { } t && Report is not null ? SecurablePath.ForTable(IngestionWorkflow.Catalog, t.Schema, t.Table) : null);

    // Navigation

    /// <summary>Back one step (from schema back to the upload list); nothing already loaded changes.</summary>
    public void Back()
    {
        switch (Step)
        {
            case WizardStep.Schema:
                Current = null;
                Enter(WizardStep.Upload);
                break;
            case WizardStep.Preview or WizardStep.Findings or WizardStep.Target:
                Enter(Step - 1);
                Plan = null;
                break;
            default:
                throw new InvalidOperationException($"There is no going back from the {Step} step.");
        }
    }

    /// <summary>After a summary: back to the upload list to load another file.</summary>
    public void StartOver()
    {
        Require(WizardStep.Summary);
        Leave();
    }

    /// <summary>Back to the upload list from any step but a running load; what was decided stays in the draft.</summary>
    public void Leave()
    {
        if (Step == WizardStep.Run)
        {
            throw new InvalidOperationException("A load is running: wait for it to finish or cancel it.");
        }

        (Current, Schema, Columns, Preview, Findings, PiiReviews, Target, Plan, Report, Draft) = (null, null, [], null, null, [], null, null, null, WizardDraft.Empty);
        Enter(WizardStep.Upload);
    }

    /// <summary>The draft of every choice made so far.</summary>
    public WizardDraft ToDraft() => new(
        Columns.Select(c => new ColumnDraft(c.Proposed.OriginalName, c.Name, c.Type, c.Key, c.Partition)).ToList(),
        PiiReviews.Select(r => new PiiDraft(r.Finding.Column, r.Finding.Type, r.Decision, r.Manual)).ToList(),
        Target)
    {
        JsonNesting = Draft.JsonNesting,
        Sheet = Draft.Sheet,
    };

    /// <summary>A table name from a file name: <c>Bird Strikes 2024.csv</c> → <c>bird_strikes_2024</c>.</summary>
    public static string TableNameFor(string fileName)
    {
        var stem = fileName;
        while (Path.GetExtension(stem) is { Length: > 0 } extension)
        {
            stem = stem[..^extension.Length];
        }

        var snake = ColumnNameCleaner.Snake(stem);
        return SqlName.IsValid(snake) ? snake : "uploaded_file";
    }

    private void Edit(int column, Action<ColumnEdit> change)
    {
        Require(WizardStep.Schema);
        change(Columns[column]);
        Plan = null;
        Remember();
    }

    private ColumnEdit Restored(ColumnEdit column)
    {
        if (Draft.Columns.FirstOrDefault(d => d.Source == column.Proposed.OriginalName) is { } edited)
        {
            (column.Name, column.Type, column.Key, column.Partition) = (edited.Name, edited.Type, edited.Key, edited.Partition);
        }

        return column;
    }

    // PII decisions of findings not worked out again (after going back) stay in the draft for when they are.
    private void Remember()
    {
        var draft = ToDraft();
        var kept = Findings is null ? Draft.Pii : draft.Pii;
        Draft = draft with { Pii = kept, Columns = Columns.Count == 0 ? Draft.Columns : draft.Columns };
        Edited?.Invoke(Draft);
    }

    private UploadEntry Upload(string clientId) =>
        _uploads.FirstOrDefault(u => u.ClientId == clientId) ?? throw new ArgumentException($"No upload '{clientId}'.", nameof(clientId));

    private void Require(WizardStep step)
    {
        if (Step != step)
        {
            throw new InvalidOperationException($"The wizard is at {Step}, not {step}.");
        }
    }

    private static void RequireNoProblems(IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }
    }

    private void Enter(WizardStep step)
    {
        Step = step;
        Error = null;
    }
}
