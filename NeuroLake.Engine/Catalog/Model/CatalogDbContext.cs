using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Search;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>The catalog database. Saving a securable also rebuilds its search documents in the same transaction.</summary>
internal sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<CatalogRecord> Catalogs => Set<CatalogRecord>();

    public DbSet<SchemaRecord> Schemas => Set<SchemaRecord>();

    public DbSet<TableRecord> Tables => Set<TableRecord>();

    public DbSet<ColumnRecord> Columns => Set<ColumnRecord>();

    public DbSet<SchemaVersionRecord> SchemaVersions => Set<SchemaVersionRecord>();

    public DbSet<SearchDocumentRecord> SearchDocuments => Set<SearchDocumentRecord>();

    public DbSet<SearchTermRecord> SearchTerms => Set<SearchTermRecord>();

    public DbSet<QualityMeasurementRecord> QualityMeasurements => Set<QualityMeasurementRecord>();

    public DbSet<UsageDayRecord> UsageDays => Set<UsageDayRecord>();

    public DbSet<CoUsageRecord> CoUsage => Set<CoUsageRecord>();

    public DbSet<LineageEdgeRecord> LineageEdges => Set<LineageEdgeRecord>();

    public DbSet<PipelineRecord> Pipelines => Set<PipelineRecord>();

    public DbSet<PipelineVersionRecord> PipelineVersions => Set<PipelineVersionRecord>();

    public DbSet<TemplateRecord> Templates => Set<TemplateRecord>();

    public DbSet<QueryHistoryRecord> QueryHistory => Set<QueryHistoryRecord>();

    public DbSet<RatifiedCommitRecord> RatifiedCommits => Set<RatifiedCommitRecord>();

    public DbSet<JobDefinitionRecord> JobDefinitions => Set<JobDefinitionRecord>();

    public DbSet<JobRunRecord> JobRuns => Set<JobRunRecord>();

    public DbSet<SettingRecord> Settings => Set<SettingRecord>();

    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();

    public DbSet<NotificationReadRecord> NotificationReads => Set<NotificationReadRecord>();

    public DbSet<MeteredWorkRecord> MeteredWork => Set<MeteredWorkRecord>();

    public DbSet<TableStorageDayRecord> TableStorageDays => Set<TableStorageDayRecord>();

    public DbSet<PriceBookRecord> PriceBooks => Set<PriceBookRecord>();

    public DbSet<CacheSampleRecord> CacheSamples => Set<CacheSampleRecord>();

    public DbSet<FilePlacementRecord> FilePlacements => Set<FilePlacementRecord>();

    public DbSet<TierOverrideRecord> TierOverrides => Set<TierOverrideRecord>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        SecurablesModel.Configure(modelBuilder, IsPostgres);
        ObservationsModel.Configure(modelBuilder);
        RegistryModel.Configure(modelBuilder);
        HistoryModel.Configure(modelBuilder);
        SourceFilesModel.Configure(modelBuilder);
        CommitsModel.Configure(modelBuilder);
        JobsModel.Configure(modelBuilder);
        SettingsModel.Configure(modelBuilder);
        NotificationsModel.Configure(modelBuilder);
        MeteringModel.Configure(modelBuilder);
        TieringModel.Configure(modelBuilder);
        GovernanceModel.Configure(modelBuilder);
        Governance.Audit.AuditModel.Configure(modelBuilder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("The catalog saves asynchronously: call SaveChangesAsync.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var affected = SearchIndexer.CollectAffected(ChangeTracker);
        if (affected.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await SearchIndexer.RebuildAsync(this, affected, cancellationToken);
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            SearchIndexer.DetachDocuments(ChangeTracker);
            await SearchIndexer.RefreshSchemaPiiAsync(this, affected, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }
}
