using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog.Registry;
using NeuroLake.Engine.Jobs;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Query.Service;

namespace NeuroLake.Tests.Jobs;

/// <summary>A saved pipeline run as a job over a real query service, catalog and DuckDB.</summary>
public sealed class PipelineJobTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private PipelineRegistry _pipelines = null!;
    private PipelineJob _job = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _pipelines = Services.GetRequiredService<PipelineRegistry>();
        _job = new PipelineJob(_pipelines, Services.GetRequiredService<PatternLibrary>(), Service);
        await Run("""
            CREATE SCHEMA s;
            CREATE TABLE s.t (id BIGINT, deleted BOOLEAN);
            CREATE TABLE s.src (id BIGINT);
            INSERT INTO s.t VALUES (1, FALSE), (2, FALSE), (3, FALSE);
            INSERT INTO s.src VALUES (1), (3);
            """);
    }

    [Fact]
    public async Task The_built_in_soft_delete_pattern_flags_rows_whose_key_left_the_source()
    {
        await _pipelines.CreateAsync("flag_gone", "", PipelineLogic.FromTemplate("soft_delete", new Dictionary<string, string>
        {
            ["target"] = "s.t", ["source"] = "s.src", ["key"] = "id", ["deleted_flag"] = "deleted",
        }).ToJson());

        var outcome = await _job.RunAsync("flag_gone", "ana", new Collect([]), CancellationToken.None);

        Assert.True(outcome.Status == JobRunStatus.Succeeded, outcome.Summary);
        Assert.Equal([[1L, false], [2L, true], [3L, false]], await Rows("SELECT id, deleted FROM s.t ORDER BY id"));
    }

    [Fact]
    public async Task A_template_pipeline_renders_its_current_version_runs_each_statement_and_counts_a_use()
    {
        await _pipelines.CreateAsync("flag", "", new PipelineLogic(null, null, "SELECT 1").ToJson());
        await Services.GetRequiredService<PatternLibrary>().CreateAsync("copy_new", "", "INSERT INTO {{target}} SELECT id + {{shift}}, TRUE FROM {{source}}",
            [new("target", TemplateVariableKind.Identifier), new("source", TemplateVariableKind.Identifier), new("shift", TemplateVariableKind.Integer)]);
        await _pipelines.UpdateAsync("flag", PipelineLogic.FromTemplate("copy_new", new Dictionary<string, string>
        {
            ["target"] = "s.t", ["source"] = "s.src", ["shift"] = "10",
        }).ToJson(), "copy");
        var steps = new List<JobStep>();

        var outcome = await _job.RunAsync("flag", "ana", new Collect(steps), CancellationToken.None);

        Assert.Equal(JobRunStatus.Succeeded, outcome.Status);
        Assert.StartsWith("Ran version 2 of flag: Insert committed version", outcome.Summary);
        Assert.Equal([[1L, false], [2L, false], [3L, false], [11L, true], [13L, true]], await Rows("SELECT id, deleted FROM s.t ORDER BY id"));
        Assert.Equal(1, (await _pipelines.GetAsync("flag")).UsageCount);
        Assert.Contains(steps, s => s.Step == "statement 1 of 1: done" && s.Fraction == 1.0);
    }

    [Fact]
    public async Task A_cancelled_run_stops_before_its_next_statement_and_commits_nothing_more()
    {
        await _pipelines.CreateAsync("two", "", new PipelineLogic(null, null, "DELETE FROM s.t WHERE id = 1; DELETE FROM s.t WHERE id = 2").ToJson());
        using var cancel = new CancellationTokenSource();
        var progress = new Collect([], step =>
        {
            if (step.Step == "statement 1 of 2: done")
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _job.RunAsync("two", "ana", progress, cancel.Token));

        Assert.Equal([[2L], [3L]], await Rows("SELECT id FROM s.t ORDER BY id"));
    }

    [Fact]
    public async Task A_pipeline_whose_value_no_longer_fits_fails_with_the_templates_message()
    {
        await _pipelines.CreateAsync("bad", "", """{"template":"dedup","variables":{"source":"x\"; DROP TABLE s.t; --","keys":"id","order_by":"id"}}""");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => _job.RunAsync("bad", "ana", new Collect([]), CancellationToken.None));

        Assert.Contains("is not a valid name", error.Message);
        Assert.Equal(3, (await Rows("SELECT id FROM s.t")).Count);
    }

    private sealed class Collect(List<JobStep> steps, Action<JobStep>? then = null) : IProgress<JobStep>
    {
        public void Report(JobStep value)
        {
            steps.Add(value);
            then?.Invoke(value);
        }
    }
}
