using NeuroLake.Engine.Catalog.Registry;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Jobs;

/// <summary>
/// Runs a saved pipeline: renders its current version (<see cref="PipelineLogic"/>) at run time and runs each statement as
/// the job's owner through the query service, so privileges are checked, and history and lineage recorded, exactly as for
/// a statement typed in the SQL editor. Each statement commits on its own or not at all; a cancelled run stops before
/// the next one and says which statements committed. A run that starts counts as one use of the pipeline.
/// </summary>
public sealed class PipelineJob(PipelineRegistry pipelines, PatternLibrary patterns, QueryService queries)
{
    public async Task<JobOutcome> RunAsync(string pipeline, string user, IProgress<JobStep> progress, CancellationToken ct)
    {
        progress.Report(new JobStep(0, "rendering the pipeline"));
        var info = await pipelines.GetAsync(pipeline, ct).ConfigureAwait(false);
        var version = info.Versions.Single(v => v.Version == info.CurrentVersion);
        var sql = PipelineLogic.Parse(pipeline, version.LogicJson).Render(pipeline, await patterns.ListAsync(ct).ConfigureAwait(false));
        var statements = SqlScript.Parse(sql).Statements;
        if (statements.Count == 0)
        {
            throw new JobException($"Version {version.Version} of pipeline '{pipeline}' holds no statement: save a version with SQL.");
        }

        await pipelines.RecordUseAsync(pipeline, ct).ConfigureAwait(false);
        var done = new List<string>();
        for (var i = 0; i < statements.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var label = $"statement {i + 1} of {statements.Count}";
            progress.Report(new JobStep((double)i / statements.Count, $"{label}: running"));
            var results = await queries.ExecuteAsync(statements[i].Text, new QueryRequest(user), ct).ConfigureAwait(false);
            done.Add(Describe(results[^1]));
            progress.Report(new JobStep((i + 1.0) / statements.Count, $"{label}: done"));
        }

        return JobOutcome.Done($"Ran version {version.Version} of {pipeline}: {string.Join("; ", done)}");
    }

    private static string Describe(StatementResult result) => result.TableWritten is { } written
        ? $"{result.Kind} committed version {written.Version} of {written.Schema}.{written.Table}"
        : result.RowsAffected is { } rows ? $"{result.Kind} affected {rows:N0} row(s)" : $"{result.Kind} returned {result.Rows.Count:N0} row(s)";
}
