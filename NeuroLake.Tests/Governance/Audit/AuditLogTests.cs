using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Governance.Audit;

public sealed class AuditLogTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory, CatalogProviders]
    public async Task Entries_are_found_by_user_action_target_and_time_newest_first_a_page_at_a_time(CatalogProvider provider)
    {
        var (log, clock) = await OpenAsync(provider);
        var alice = CatalogTestData.Unique("alice");
        await log.RecordAsync(new AuditEvent(alice, AuditAction.Statement, "sales.Orders", AuditOutcome.Succeeded, "SELECT 1"));
        clock.Now = Start.AddMinutes(1);
        await log.RecordAsync(new AuditEvent(alice, AuditAction.Ingestion, "sales.orders", AuditOutcome.Failed, "orders.csv"));
        clock.Now = Start.AddMinutes(2);
        await log.RecordAsync(new AuditEvent(alice, AuditAction.Statement, "hr.people", AuditOutcome.Denied, "SELECT * FROM hr.people"));
        await log.RecordAsync(new AuditEvent(CatalogTestData.Unique("bob"), AuditAction.Statement, "sales.orders", AuditOutcome.Succeeded));

        var all = await log.SearchAsync(new AuditSearch { User = alice });
        var statements = await log.SearchAsync(new AuditSearch { User = alice, Action = AuditAction.Statement });
        var sales = await log.SearchAsync(new AuditSearch { User = alice, Target = "SALES.ORD" });
        var window = await log.SearchAsync(new AuditSearch { User = alice, From = Start.AddMinutes(1), To = Start.AddMinutes(2) });
        var second = await log.SearchAsync(new AuditSearch { User = alice, Skip = 1, Take = 1 });

        Assert.Equal(["hr.people", "sales.orders", "sales.Orders"], all.Entries.Select(e => e.Target));
        Assert.Equal(3, all.Total);
        Assert.Equal([AuditOutcome.Denied, AuditOutcome.Succeeded], statements.Entries.Select(e => e.Outcome));
        Assert.Equal([AuditAction.Ingestion, AuditAction.Statement], sales.Entries.Select(e => e.Action));
        Assert.Equal(("orders.csv", Start.AddMinutes(1)), (window.Entries.Single().Details, window.Entries.Single().At));
        Assert.Equal((3, "sales.orders"), (second.Total, second.Entries.Single().Target));
    }

    [Theory, CatalogProviders]
    public async Task The_database_refuses_to_change_an_entry(CatalogProvider provider)
    {
        var (log, _) = await OpenAsync(provider);
        var user = CatalogTestData.Unique("mallory");
        await log.RecordAsync(new AuditEvent(user, AuditAction.Grant, "sales", AuditOutcome.Denied, "GRANT ALL PRIVILEGES"));
        var factory = (await databases.OpenAsync(provider)).GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await factory.CreateDbContextAsync();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE audit_log SET \"Outcome\" = 'Succeeded' WHERE \"UserName\" = {0}", user));

        Assert.Contains("append-only", refused.Message);
        Assert.Equal(AuditOutcome.Denied, (await log.SearchAsync(new AuditSearch { User = user })).Entries.Single().Outcome);
    }

    [Theory, CatalogProviders]
    public async Task Retention_removes_only_entries_older_than_the_policy(CatalogProvider provider)
    {
        var (log, clock) = await OpenAsync(provider, retentionDays: 30);
        var user = CatalogTestData.Unique("carol");
        await log.RecordAsync(new AuditEvent(user, AuditAction.Maintenance, "sales.orders", AuditOutcome.Succeeded, "OPTIMIZE"));
        clock.Now = Start.AddDays(20);
        await log.RecordAsync(new AuditEvent(user, AuditAction.Restore, "sales.orders", AuditOutcome.Succeeded, "RESTORE TO VERSION 1"));
        clock.Now = Start.AddDays(31);

        var removed = await log.ApplyRetentionAsync();

        Assert.True(removed >= 1);
        Assert.Equal([AuditAction.Restore], (await log.SearchAsync(new AuditSearch { User = user })).Entries.Select(e => e.Action));
    }

    [Theory, CatalogProviders]
    public async Task Queued_entries_are_found_by_the_next_search(CatalogProvider provider)
    {
        var (log, _) = await OpenAsync(provider);
        var user = CatalogTestData.Unique("dave");
        for (var i = 0; i < 20; i++)
        {
            await log.QueueAsync(new AuditEvent(user, AuditAction.Statement, $"s.t{i}", AuditOutcome.Succeeded));
        }

        Assert.Equal(20, (await log.SearchAsync(new AuditSearch { User = user, Take = 5 })).Total);
    }

    [Theory, CatalogProviders]
    public async Task The_csv_export_quotes_user_text_and_defuses_spreadsheet_formulas(CatalogProvider provider)
    {
        var (log, _) = await OpenAsync(provider);
        var user = CatalogTestData.Unique("erin");
        await log.RecordAsync(new AuditEvent(user, AuditAction.Statement, "=HYPERLINK(\"http://x\")", AuditOutcome.Failed, "SELECT 'a,b'\nline \"two\""));
        using var csv = new MemoryStream();

        var rows = await log.ExportCsvAsync(new AuditSearch { User = user, Take = 1 }, csv);

        var text = System.Text.Encoding.UTF8.GetString(csv.ToArray());
        Assert.Equal(1, rows);
        Assert.Equal(
            "time,user,action,target,outcome,details\n" +
            $"2026-03-01T12:00:00.000Z,{user},Statement,\"'=HYPERLINK(\"\"http://x\"\")\",Failed,\"SELECT 'a,b'\nline \"\"two\"\"\"\n",
            text.ReplaceLineEndings("\n"));
    }

    [Theory, CatalogProviders]
    public async Task A_missing_user_and_impossible_pages_are_refused_with_what_to_pass(CatalogProvider provider)
    {
        var (log, _) = await OpenAsync(provider);

        var noUser = await Assert.ThrowsAsync<CatalogException>(() => log.RecordAsync(new AuditEvent(" ", AuditAction.SignIn, "", AuditOutcome.Failed)));
        var bigPage = await Assert.ThrowsAsync<CatalogException>(() => log.SearchAsync(new AuditSearch { Take = 5000 }));

        Assert.Contains("user's name", noUser.Message);
        Assert.Contains("1 to 1000", bigPage.Message);
    }

    [Theory, CatalogProviders]
    public async Task A_table_s_entries_are_found_as_a_whole_name_in_the_target_list_and_nothing_else(CatalogProvider provider)
    {
        var (log, clock) = await OpenAsync(provider);
        var schema = CatalogTestData.Unique("s").ToLowerInvariant().Replace('-', '_');
        var user = CatalogTestData.Unique("carol");
        string[] targets =
        [
            $"{schema}.o_t", $"{schema}.O_T, hr.x", $"hr.x, {schema}.o_t", $"hr.x, {schema}.o_t, hr.y", $"main.{schema}.o_t",
            $"{schema}.o_t_old", $"{schema}.oxt", $"hr.x, {schema}.o_tt", $"x{schema}.o_t", "",
        ];
        foreach (var (target, i) in targets.Select((t, i) => (t, i)))
        {
            clock.Now = Start.AddMinutes(i);
            await log.RecordAsync(new AuditEvent(user, AuditAction.Statement, target, AuditOutcome.Succeeded, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var found = await log.ForTableAsync(new SecurablePath("main", schema, "o_t"));
        var page = await log.ForTableAsync(new SecurablePath("main", schema, "o_t"), skip: 1, take: 2);

        Assert.Equal(["4", "3", "2", "1", "0"], found.Entries.Select(e => e.Details));
        Assert.Equal(5, page.Total);
        Assert.Equal(["3", "2"], page.Entries.Select(e => e.Details));
        await Assert.ThrowsAsync<CatalogException>(() => log.ForTableAsync(new SecurablePath("main", schema)));
    }

    private async Task<(AuditLog Log, FixedClock Clock)> OpenAsync(CatalogProvider provider, int retentionDays = 365)
    {
        var services = await databases.OpenAsync(provider);
        var clock = new FixedClock(Start);
        return (new AuditLog(services.GetRequiredService<IDbContextFactory<CatalogDbContext>>(), clock, new AuditOptions { RetentionDays = retentionDays }), clock);
    }
}
