using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Settings;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Audit;
using NeuroLake.Web.Components.Shared;
using NeuroLake.Web.Identity;

namespace NeuroLake.Tests.Web.Governance;

/// <summary>
/// The web app in Accounts mode, shared by a test class, whose real governance services and accounts back the admin
/// pages bUnit renders, signed in as the administrator <see cref="AccountsApp.AdminName"/>.
/// </summary>
public sealed class GovernanceAdminApp : IAsyncLifetime
{
    private readonly WorkbenchAppFactory _app = AccountsApp.Create(withAdmin: true);

    public IServiceProvider Services => _app.Services;

    public GroupDirectory Groups => Services.GetRequiredService<GroupDirectory>();

    public GrantStore Grants => Services.GetRequiredService<GrantStore>();

    public PrivilegeEvaluator Privileges => Services.GetRequiredService<PrivilegeEvaluator>();

    public AccountDirectory Accounts => Services.GetRequiredService<AccountDirectory>();

    public AccessTokens Tokens => Services.GetRequiredService<AccessTokens>();

    /// <summary>The running app, for requests through its real pipeline (e.g. with a bearer token).</summary>
    public WorkbenchAppFactory App => _app;

    public AuditLog Audit => Services.GetRequiredService<AuditLog>();

    /// <summary>The audit entries whose target contains <paramref name="target"/>, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditedAsync(string target) =>
        (await Audit.SearchAsync(new AuditSearch { Target = target })).Entries;

    public async Task InitializeAsync()
    {
        // First-run setup makes the configured account an engine administrator (group admin); returns false once it is one.
        await Groups.AddFirstAdministratorAsync(AccountsApp.AdminName);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A fresh catalog with table <c>&lt;catalog&gt;.sales.orders</c>, owned by someone else than the test's users.</summary>
    public async Task<SecurablePath> TableAsync()
    {
        var catalog = CatalogTestData.Unique("cat");
        var registration = CatalogTestData.Table(catalog, "sales", "orders") with { Owner = "owner_of_" + catalog };
        await Services.GetRequiredService<ICatalogRegistrar>().RegisterTableAsync(registration);
        return new SecurablePath(catalog, "sales", "orders");
    }

    /// <summary>Gives a bUnit context the services the admin pages inject, with <paramref name="user"/> signed in.</summary>
    public void AddTo(BunitContext context, string user = AccountsApp.AdminName)
    {
        context.AddAuthorization().SetAuthorized(user);
        context.Services.AddSingleton(Groups);
        context.Services.AddSingleton(Grants);
        context.Services.AddSingleton(Privileges);
        context.Services.AddSingleton(Accounts);
        context.Services.AddSingleton(Services.GetRequiredService<TokenAdministration>());
        context.Services.AddSingleton(Tokens);
        context.Services.AddSingleton(Services.GetRequiredService<UserRemoval>());
        context.Services.AddSingleton(Audit);
        context.Services.AddScoped<AdminAudit>();
        context.Services.AddScoped<AuditedAccounts>();
        context.Services.AddScoped<AuditedGroups>();
        context.Services.AddScoped<AuditedGrants>();
        context.Services.AddScoped<AuditedTokens>();
        context.Services.AddSingleton(Services.GetRequiredService<IOptions<NeuroLakeOptions>>());
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.AddScoped<UserClock>();
        context.Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        context.Services.AddSingleton(Services.GetRequiredService<SettingsStore>());
        context.Services.AddSingleton(Services.GetRequiredService<SignInMode>());
        context.Services.AddScoped<SignInModeSwitch>();
        context.Services.AddScoped<IWorkbenchUser>(sp => new SignedInWorkbenchUser(
            sp.GetRequiredService<IHttpContextAccessor>(), sp.GetRequiredService<AuthenticationStateProvider>(),
            sp.GetRequiredService<IOptions<NeuroLakeOptions>>(), sp.GetRequiredService<SignInMode>()));
    }
}
