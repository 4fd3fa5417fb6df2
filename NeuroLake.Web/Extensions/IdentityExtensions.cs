using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Web.Extensions;

public static class IdentityExtensions
{
    /// <summary>Where the browser signs in; also where unauthenticated pages send it.</summary>
    public const string SignInPath = "/account/signin";

    /// <summary>
    /// Who is asking. <c>Accounts</c> mode: ASP.NET Core Identity accounts in the catalog's database, cookie sign-in for
    /// the workbench, personal access tokens (<c>Authorization: Bearer</c>) for <c>/api/v1</c>, lockout after failed
    /// attempts. <c>Single</c> mode: everyone is <c>NeuroLake:User</c>. The mode is asked per request
    /// (<see cref="SignInMode"/>), since an administrator may switch it while the workbench runs. Either way every
    /// endpoint needs an authenticated user unless it allows anonymous callers. Call after <see cref="EngineExtensions.AddNeuroLakeEngine"/>.
    /// </summary>
    public static IHostApplicationBuilder AddNeuroLakeIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AdminAccountOptions>().BindConfiguration(AdminAccountOptions.SectionName);
        services.AddHttpContextAccessor();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SignInModeRevalidation>();
        services.AddScoped<IWorkbenchUser, SignedInWorkbenchUser>();

        services.AddDbContextFactory<AccountsDbContext>((sp, options) => UseCatalogDatabase(options, sp.GetRequiredService<CatalogConnection>()));
        services.AddIdentity<WorkbenchAccount, IdentityRole>(ConfigureIdentity)
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager<WorkbenchSignInManager>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(ConfigureCookie);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<FirstAdministrator>();
        services.AddSingleton<AccountDirectory>();
        services.AddSingleton<TokenAdministration>();
        services.AddSingleton<SignInMode>();
        services.AddScoped<SignInModeSwitch>();
        services.AddHostedService<AccountsStartup>();

        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = WorkbenchScheme;
            options.DefaultAuthenticateScheme = WorkbenchScheme;
            options.DefaultChallengeScheme = WorkbenchScheme;
            options.DefaultForbidScheme = WorkbenchScheme;
        });
        authentication.AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, SingleUserAuthenticationHandler>(SingleUserAuthenticationHandler.SchemeName, null);
        authentication.AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null);
        // Tokens are for scripts calling the API (and scrapers of /metrics); the workbench's pages need the signed-in cookie.
        // In Single mode (asked per request: it may be switched while running) everyone is the configured user.
        authentication.AddPolicyScheme(WorkbenchScheme, "Single user, cookie, or a bearer token on the API", options =>
            options.ForwardDefaultSelector = context =>
                context.RequestServices.GetRequiredService<SignInMode>().IsSingle ? SingleUserAuthenticationHandler.SchemeName
                : MachineEndpoints.Serves(context.Request.Path) && AccessTokenAuthenticationHandler.HasBearer(context.Request)
                    ? AccessTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(WorkbenchRoles.AdminPolicy, policy => policy.RequireAuthenticatedUser().AddRequirements(new WorkbenchAdminRequirement()));
        services.AddSingleton<IAuthorizationHandler, WorkbenchAdminHandler>();
        return builder;
    }

    /// <summary>
    /// The redirect to <c>/setup</c> while there is no administrator (in Accounts mode, asked per request), authorization, and
    /// <c>POST /account/signout</c>. Call after <c>UseAuthentication</c> and before the endpoints' antiforgery.
    /// </summary>
    public static WebApplication UseNeuroLakeIdentity(this WebApplication app)
    {
        app.UseSetupRedirect();
        app.UseAuthorization();
        app.MapPost("/account/signout", async (SignInManager<WorkbenchAccount> signIn, [FromForm] string? returnUrl) =>
            {
                await signIn.SignOutAsync();
                return Results.LocalRedirect(SignInPath);
            })
            .ExcludeFromDescription();
        return app;
    }

    private const string WorkbenchScheme = "Workbench";

    private static void ConfigureIdentity(IdentityOptions options)
    {
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version2;
        options.Password.RequiredLength = 8;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
    }

    private static void ConfigureCookie(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "NeuroLake.SignIn";
        options.LoginPath = SignInPath;
        options.LogoutPath = "/account/signout";
        options.AccessDeniedPath = "/account/denied";
        // The API answers status codes; only browsers on pages are sent to the sign-in page.
        options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (MachineEndpoints.Serves(context.Request.Path))
        {
            ApiRefusal.Write(context.HttpContext, status);
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private static void UseCatalogDatabase(DbContextOptionsBuilder options, CatalogConnection connection)
    {
        _ = connection.Provider switch
        {
            CatalogProvider.Sqlite => options.UseSqlite(connection.ConnectionString, o => o.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable)),
            CatalogProvider.Postgres => options.UseNpgsql(connection.ConnectionString, o => o.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable)),
            _ => throw new InvalidOperationException($"Catalog provider '{connection.Provider}' is not supported: use Sqlite or Postgres."),
        };

        // Migrations are hand-written without a model snapshot, as the catalog's are.
        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));
    }
}
