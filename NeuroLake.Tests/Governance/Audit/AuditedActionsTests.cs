using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Tests.Web;
using NeuroLake.Tests.Web.Security;

namespace NeuroLake.Tests.Governance.Audit;

/// <summary>The statement and ingestion paths of the running app leave audit entries with user, tables and outcome.</summary>
public sealed class AuditedActionsTests(WorkbenchAppFactory app) : IClassFixture<WorkbenchAppFactory>
{
    [Fact]
    public async Task Every_statement_is_audited_with_its_tables_and_outcome()
    {
        using var client = app.CreateClient();
        var schema = $"audited_{Guid.NewGuid():N}"[..20];
        using (var ok = await client.PostAsJsonAsync("/api/v1/sql", new { sql = $"CREATE SCHEMA {schema}; CREATE TABLE {schema}.t AS SELECT 1 AS id; SELECT id FROM {schema}.t" }))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using (var failed = await client.PostAsJsonAsync("/api/v1/sql", new { sql = $"SELECT nope FROM {schema}.t" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }

        var entries = (await Audit().SearchAsync(new AuditSearch { User = Environment.UserName, Action = AuditAction.Statement, Take = 1000 })).Entries
            .Where(e => e.Details.Contains(schema, StringComparison.Ordinal)).ToList();

        // A statement that fails before its tables are resolved has none to name; its text says what it touched.
        Assert.Equal(
            [(AuditOutcome.Failed, ""), (AuditOutcome.Succeeded, $"{schema}.t"), (AuditOutcome.Succeeded, $"{schema}.t"), (AuditOutcome.Succeeded, "")],
            entries.Select(e => (e.Outcome, e.Target)));
        Assert.StartsWith($"SELECT nope FROM {schema}.t\n-- ", entries[0].Details);
        Assert.Equal($"SELECT id FROM {schema}.t", entries[1].Details);
    }

    [Fact]
    public async Task Ingestions_through_the_api_are_audited_with_the_file_and_outcome()
    {
        using var client = app.CreateClient();
        var table = $"ingest_{Guid.NewGuid():N}"[..20] + ".loaded";
        using (var loaded = await client.PostAsync($"/api/v1/ingest?table={table}&mode=create&filename=first.csv", SecurityApi.Csv(3)))
        {
            Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        }

        using (var refused = await client.PostAsync($"/api/v1/ingest?table={table}&mode=create&filename=again.csv", SecurityApi.Csv(3)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        var entries = (await Audit().SearchAsync(new AuditSearch { Action = AuditAction.Ingestion, Target = table })).Entries;

        Assert.Equal([AuditOutcome.Failed, AuditOutcome.Succeeded], entries.Select(e => e.Outcome));
        Assert.All(entries, e => Assert.Equal((Environment.UserName, $"main.{table}"), (e.User, e.Target)));
        Assert.StartsWith("first.csv (NewTable, ", entries[1].Details);
    }

    private AuditLog Audit() => app.Services.GetRequiredService<AuditLog>();
}
