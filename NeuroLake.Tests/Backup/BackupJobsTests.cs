using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Jobs.Backups;
using NeuroLake.Engine.Metering;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Backup;

/// <summary>The scheduled backup and verify job bodies, run without a scheduler on a real lakehouse and repository folder.</summary>
public sealed class BackupJobsTests(CatalogDatabases databases, DuckDbFixture duck)
    : IClassFixture<CatalogDatabases>, IClassFixture<DuckDbFixture>
{
    [Fact]
    public async Task Backup_job_takes_a_set_reports_files_and_bytes_and_then_applies_retention()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        var (orders, _) = await BackupTestData.CreateAsync(lakehouse);
        var clock = new BackupClock(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        var backups = lakehouse.Backups(clock);
        var job = new BackupJob(backups, new BackupRetentionPolicy { Latest = 1, Daily = 0, Weekly = 0, Monthly = 0 });

        var firstSteps = new StepLog();
        var first = await job.RunAsync("admin", firstSteps, CancellationToken.None);
        await orders.AppendAsync("SELECT 7000::BIGINT AS id, 'next day' AS customer, 1.00::DECIMAL(12,2) AS amount");
        clock.Now = clock.Now.AddDays(1);
        var second = await job.RunAsync("admin", new StepLog(), CancellationToken.None);

        Assert.Equal(JobRunStatus.Succeeded, first.Status);
        Assert.Contains("retention removed 0 set(s)", first.Summary, StringComparison.Ordinal);
        Assert.Contains("retention removed 1 set(s)", second.Summary, StringComparison.Ordinal);
        var set = Assert.Single(await backups.ListAsync(CancellationToken.None));
        Assert.Equal(clock.Now, set.CreatedAt);
        Assert.Contains(firstSteps.Steps, s => s.Step.StartsWith("backing up main.sales.orders", StringComparison.Ordinal) && s.Step.Contains("bytes", StringComparison.Ordinal));
        Assert.All(firstSteps.Steps, s => Assert.InRange(s.Fraction, 0, 1));
        Assert.Equal(1.0, firstSteps.Steps[^1].Fraction);
        Assert.True((await backups.VerifyAsync(set.SetId, CancellationToken.None)).Usable, "retention kept every object the remaining set needs");
    }

    [Fact]
    public async Task Verify_job_fails_naming_the_damaged_file_and_marks_every_set_sharing_it_unusable()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        await BackupTestData.CreateAsync(lakehouse);
        var backups = lakehouse.Backups();
        await backups.BackupAsync(CancellationToken.None);
        await backups.BackupAsync(CancellationToken.None);
        var manifest = await lakehouse.Repository().ReadManifestAsync((await backups.ListAsync(CancellationToken.None))[0].SetId, CancellationToken.None);
        var damaged = manifest.Tables.Single(t => t.Name == "main.sales.orders").Files.First(f => f.Path.EndsWith(".parquet", StringComparison.Ordinal));
        FlipByte(Path.Combine(lakehouse.RepositoryFolder, "objects", damaged.Sha256[..2], damaged.Sha256));

        var steps = new StepLog();
        var failure = await Assert.ThrowsAsync<JobException>(() => new VerifyBackupsJob(backups).RunAsync("admin", steps, CancellationToken.None));

        Assert.Contains($"main.sales.orders/{damaged.Path} (damaged)", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(lakehouse.RepositoryFolder, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(lakehouse.DataFolder, failure.Message, StringComparison.Ordinal);
        var sets = await backups.ListAsync(CancellationToken.None);
        Assert.Equal(2, sets.Count);
        Assert.All(sets, s => Assert.Equal(BackupSetState.Unusable, s.State));
        Assert.Contains(steps.Steps, s => s.Step.StartsWith("verifying set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_job_of_an_intact_repository_marks_every_set_usable()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        await BackupTestData.CreateAsync(lakehouse);
        var backups = lakehouse.Backups();
        await backups.BackupAsync(CancellationToken.None);

        var outcome = await new VerifyBackupsJob(backups).RunAsync("admin", new StepLog(), CancellationToken.None);

        Assert.Equal(JobRunStatus.Succeeded, outcome.Status);
        Assert.Contains("1 set(s) verified", outcome.Summary, StringComparison.Ordinal);
        Assert.Equal(BackupSetState.Usable, Assert.Single(await backups.ListAsync(CancellationToken.None)).State);
    }

    [Fact]
    public async Task Verify_job_with_no_set_yet_is_skipped()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);

        var outcome = await new VerifyBackupsJob(lakehouse.Backups()).RunAsync("admin", new StepLog(), CancellationToken.None);

        Assert.Equal(JobRunStatus.Skipped, outcome.Status);
    }

    [Fact]
    public void Backup_and_verify_runs_are_metered_as_backup_work_and_only_administrators_see_them()
    {
        Assert.Equal(WorkloadClass.Backup, JobWorkloads.Of(JobKind.Backup));
        Assert.Equal(WorkloadClass.Backup, JobWorkloads.Of(JobKind.VerifyBackups));
        Assert.True(JobKindText.IsAdministrative(JobKind.Backup));
        Assert.True(JobKindText.IsAdministrative(JobKind.VerifyBackups));
        Assert.False(JobKindText.IsAdministrative(JobKind.TableMaintenance));
    }

    private static void FlipByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Every step reported, in order (synchronously, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class StepLog : IProgress<JobStep>
    {
        public List<JobStep> Steps { get; } = [];

        public void Report(JobStep value) => Steps.Add(value);
    }
}
