using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Governance;

/// <summary>The governance services over one migrated catalog, with helpers that make users, groups and tables.</summary>
internal sealed class Governed
{
    private Governed(IServiceProvider catalog, AuthMode mode)
    {
        Catalog = catalog;
        var services = new ServiceCollection()
            .AddSingleton(catalog.GetRequiredService<IDbContextFactory<CatalogDbContext>>())
            .AddSingleton(TimeProvider.System)
            .AddNeuroLakeGovernance(mode)
            .BuildServiceProvider();
        Privileges = services.GetRequiredService<PrivilegeEvaluator>();
        Groups = services.GetRequiredService<GroupDirectory>();
        Grants = services.GetRequiredService<GrantStore>();
        Policies = services.GetRequiredService<TablePolicies>();
    }

    public IServiceProvider Catalog { get; }

    public PrivilegeEvaluator Privileges { get; }

    public GroupDirectory Groups { get; }

    public GrantStore Grants { get; }

    public TablePolicies Policies { get; }

    public static Governed Over(IServiceProvider catalog, AuthMode mode = AuthMode.Accounts) => new(catalog, mode);

    public static async Task<Governed> OpenAsync(CatalogDatabases databases, CatalogProvider provider, AuthMode mode = AuthMode.Accounts) =>
        new(await databases.OpenAsync(provider), mode);

    /// <summary>A new administrator: a user added to group admin by the seeded system (straight into the table, as first-run setup would).</summary>
    public async Task<string> AdminAsync()
    {
        var admin = CatalogTestData.Unique("admin");
        var factory = Catalog.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var group = await db.Set<GroupRecord>().SingleAsync(g => g.Name == RoleGroups.Admin);
        db.Add(new GroupMemberRecord { GroupId = group.Id, UserName = admin, AddedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return admin;
    }

    /// <summary>A new user in <paramref name="groups"/>, added by <paramref name="admin"/>.</summary>
    public async Task<string> UserAsync(string admin, params string[] groups)
    {
        var user = CatalogTestData.Unique("user");
        foreach (var group in groups)
        {
            await Groups.AddMemberAsync(admin, group, user);
        }

        return user;
    }

    /// <summary>Registers catalog.schema.table owned by <paramref name="owner"/> (a new catalog per call keeps tests apart).</summary>
    public async Task<SecurablePath> TableAsync(string owner, string? catalog = null, string schema = "sales", string table = "orders", params ColumnDescriptor[] columns)
    {
        catalog ??= CatalogTestData.Unique("cat");
        var registration = CatalogTestData.Table(catalog, schema, table, 0, columns) with { Owner = owner };
        await Catalog.GetRequiredService<ICatalogRegistrar>().RegisterTableAsync(registration);
        return new SecurablePath(catalog, schema, table);
    }
}
