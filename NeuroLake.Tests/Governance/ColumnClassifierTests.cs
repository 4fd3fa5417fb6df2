using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Governance;

/// <summary>Changing a column's classification after ingest: owners and administrators only, and the mask follows the new kind.</summary>
public sealed class ColumnClassifierTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    private static readonly SecurablePath Customers = new("main", "sales", "customers");

    [Theory, CatalogProviders]
    public async Task A_reader_without_ownership_cannot_unclassify_a_column_to_see_its_values(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var analyst = await q.UserAsync(RoleGroups.Analyst);
        var classifier = new ColumnClassifier(q.Catalog, q.Governed.Privileges);

        var refused = await Assert.ThrowsAsync<PermissionDeniedException>(() => classifier.ClassifyAsync(analyst, Customers with { Column = "email" }, null));

        Assert.Contains("OWNERSHIP", refused.Message);
        Assert.Equal("email", (await q.Catalog.FindTableAsync(Customers))!.Columns.Single(c => c.Name == "email").Pii?.Type);
        Assert.Equal("j***@example.com", (await q.RowsAsync(analyst, "SELECT email FROM sales.customers ORDER BY id"))[0][0]);
    }

    [Theory, CatalogProviders]
    public async Task The_owner_reclassifies_and_readers_get_the_mask_of_the_new_kind(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var analyst = await q.UserAsync(RoleGroups.Analyst);
        await using var audit = new AuditLog(q.Governed.Catalog.GetRequiredService<IDbContextFactory<CatalogDbContext>>(), TimeProvider.System, new AuditOptions());
        var classifier = new ColumnClassifier(q.Catalog, q.Governed.Privileges, audit);

        await classifier.ClassifyAsync(q.Admin, Customers with { Column = "id" }, SemanticType.Age);
        await classifier.ClassifyAsync(q.Admin, Customers with { Column = "email" }, null);

        var columns = (await q.Catalog.FindTableAsync(Customers))!.Columns.ToDictionary(c => c.Name);
        Assert.Equal(("age", "age", PiiSource.Manual), (columns["id"].SemanticType, columns["id"].Pii?.Type, columns["id"].Pii?.Source));
        Assert.Null(columns["email"].Pii);
        var rows = await q.RowsAsync(analyst, "SELECT id, email FROM sales.customers ORDER BY email NULLS LAST");
        Assert.Equal<object?>(["0-9", "john@example.com"], rows[0]);
        var changes = (await audit.ForTableAsync(Customers)).Entries.Where(e => e.Action == AuditAction.Classification).Select(e => (e.User, e.Details)).ToList();
        Assert.Equal([(q.Admin, "email: no personal data"), (q.Admin, "id: age")], changes.Order().ToList());
    }

    [Theory, CatalogProviders]
    public async Task A_table_is_not_a_column(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var classifier = new ColumnClassifier(q.Catalog, q.Governed.Privileges);

        var error = await Assert.ThrowsAsync<CatalogException>(() => classifier.ClassifyAsync(q.Admin, Customers, SemanticType.Age));
        Assert.Contains("catalog.schema.table.column", error.Message);
    }
}
