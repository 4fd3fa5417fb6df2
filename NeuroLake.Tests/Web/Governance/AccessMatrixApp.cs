using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Tests.Web.Governance;

/// <summary>Who sends a request in the access matrix: nobody, a member of each role's group, or an analyst's access token.</summary>
public enum Caller
{
    Anonymous,
    Viewer,
    Analyst,
    Engineer,
    Admin,
    Token,
}

/// <summary>
/// An Accounts-mode app with one user per role (<c>vic</c> viewer, <c>ann</c> analyst, <c>eve</c> engineer, <c>ada</c>
/// admin), each signed in through the sign-in page, and a personal access token of the analyst. The administrator made
/// <c>sales.orders</c> (analysts may SELECT the schema) and <c>hr.salaries</c> (nobody else may read it).
/// Rate limits are off: the matrix sends hundreds of requests in a minute.
/// </summary>
internal sealed partial class AccessMatrixApp : IAsyncDisposable
{
    private const string Password = "Matrix-pass-7";

    private static readonly Dictionary<Caller, (string User, string Group)> Members = new()
    {
        [Caller.Viewer] = ("vic", RoleGroups.Viewer),
        [Caller.Analyst] = ("ann", RoleGroups.Analyst),
        [Caller.Engineer] = ("eve", RoleGroups.Engineer),
    };

    private readonly Dictionary<Caller, HttpClient> _clients = [];
    private readonly Dictionary<Caller, string> _antiforgery = [];

    private AccessMatrixApp(WorkbenchAppFactory app) => App = app;

    public WorkbenchAppFactory App { get; }

    /// <summary>The user name a caller acts as (the token acts as the analyst).</summary>
    public static string UserOf(Caller caller) => caller switch
    {
        Caller.Admin => AccountsApp.AdminName,
        Caller.Token => Members[Caller.Analyst].User,
        Caller.Anonymous => "",
        _ => Members[caller].User,
    };

    public static async Task<AccessMatrixApp> StartAsync(IReadOnlyDictionary<string, string>? catalog = null)
    {
        var settings = new Dictionary<string, string>(catalog ?? new Dictionary<string, string>())
        {
            ["NeuroLake:Limits:ApiRequestsPerMinute"] = "0",
            ["NeuroLake:Limits:SignInAttemptsPerMinute"] = "0",
        };
        var matrix = new AccessMatrixApp(AccountsApp.Create(withAdmin: true, settings));
        await matrix.SetUpAsync();
        return matrix;
    }

    private async Task SetUpAsync()
    {
        var services = App.Services;
        var groups = services.GetRequiredService<GroupDirectory>();
        await groups.AddFirstAdministratorAsync(AccountsApp.AdminName);
        foreach (var (user, group) in Members.Values)
        {
            var created = await services.GetRequiredService<AccountDirectory>().CreateAsync(user, Password, CancellationToken.None);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            await groups.AddMemberAsync(AccountsApp.AdminName, group, user);
        }

        await services.GetRequiredService<QueryService>().ExecuteAsync(
            """
            CREATE SCHEMA sales; CREATE SCHEMA hr;
            CREATE TABLE sales.orders AS SELECT range AS id, range * 10 AS amount FROM range(3);
            CREATE TABLE hr.salaries AS SELECT range AS id, 5000 + range AS salary FROM range(3);
            GRANT SELECT ON SCHEMA sales TO analyst;
            """,
            new QueryRequest(AccountsApp.AdminName));
        await services.GetRequiredService<NeuroLake.Engine.Cost.PriceBookStore>().SaveAsync(NeuroLake.Engine.Cost.PriceBookPresets.Aws, AccountsApp.AdminName);

        // A script with no cookies: a cookie-carrying browser's POST would be refused by the antiforgery guard first.
        _clients[Caller.Anonymous] = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        foreach (var caller in new[] { Caller.Viewer, Caller.Analyst, Caller.Engineer, Caller.Admin })
        {
            _clients[caller] = await SignInAsync(caller);
        }

        var account = (await services.GetRequiredService<AccountDirectory>().ListAsync(CancellationToken.None)).Single(a => a.UserName == UserOf(Caller.Token));
        var token = await services.GetRequiredService<AccessTokens>().CreateAsync(account.Id, "matrix", DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        var scripted = App.Browser();
        scripted.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        _clients[Caller.Token] = scripted;
    }

    private async Task<HttpClient> SignInAsync(Caller caller)
    {
        var browser = App.Browser();
        using var signedIn = await browser.SignInAsync(UserOf(caller), caller == Caller.Admin ? AccountsApp.AdminPassword : Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain("signin", signedIn.Target() ?? "", StringComparison.OrdinalIgnoreCase);

        // What the workbench's pages hand their scripts: the antiforgery token bound to this user (and its cookie).
        var form = await browser.GetStringAsync("/account/password");
        _antiforgery[caller] = System.Net.WebUtility.HtmlDecode(RequestToken().Match(form).Groups["value"].Value);
        Assert.NotEmpty(_antiforgery[caller]);
        return browser;
    }

    /// <summary>Sends <paramref name="request"/> as <paramref name="caller"/>, with the page's antiforgery header when a signed-in browser changes something.</summary>
    public async Task<HttpResponseMessage> SendAsync(Caller caller, HttpRequestMessage request)
    {
        if (request.Method != HttpMethod.Get && _antiforgery.TryGetValue(caller, out var token))
        {
            request.Headers.Add("RequestVerificationToken", token);
            if (request.Content is FormUrlEncodedContent)
            {
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            }
        }

        return await _clients[caller].SendAsync(request);
    }

    /// <summary>A new daily maintenance job on <c>sales.orders</c> owned by the administrator.</summary>
    public async Task<Guid> AdminJobAsync()
    {
        var draft = new JobDraft("nightly-" + Guid.NewGuid().ToString("N")[..8], JobKind.TableMaintenance, new SecurablePath("main", "sales", "orders"), "0 3 * * *", Maintenance: new MaintenanceSettings());
        return (await App.Services.GetRequiredService<JobScheduler>().CreateAsync(draft, AccountsApp.AdminName, CancellationToken.None)).Id;
    }

    /// <summary>A queued run of a new administrator's job that no worker picks up (it is not handed to the scheduler).</summary>
    public async Task<Guid> QueuedRunAsync()
    {
        var job = await AdminJobAsync();
        var run = await App.Services.GetRequiredService<JobRunStore>().QueueAsync(
            JobKind.TableMaintenance, new SecurablePath("main", "sales", "orders"), job, AccountsApp.AdminName);
        return run.Id;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }

    [GeneratedRegex("""name="__RequestVerificationToken" value="(?<value>[^"]+)""")]
    private static partial Regex RequestToken();
}
