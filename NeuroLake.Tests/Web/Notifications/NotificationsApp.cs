using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Jobs;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Identity;

namespace NeuroLake.Tests.Web.Notifications;

/// <summary>
/// The app in Accounts mode with the administrator <c>ada</c> and two users, <c>ann</c> and <c>ben</c>, each calling the
/// API with a personal access token; jobs fail for real through the engine's <see cref="JobRunner"/>.
/// </summary>
internal sealed class NotificationsApp : IAsyncDisposable
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    private NotificationsApp(WorkbenchAppFactory app) => App = app;

    public WorkbenchAppFactory App { get; }

    public static async Task<NotificationsApp> StartAsync(IReadOnlyDictionary<string, string>? catalog = null)
    {
        var app = new NotificationsApp(AccountsApp.Create(withAdmin: true, catalog));
        await app.SetUpAsync();
        return app;
    }

    private async Task SetUpAsync()
    {
        var services = App.Services;
        await services.GetRequiredService<GroupDirectory>().AddFirstAdministratorAsync(AccountsApp.AdminName);
        var accounts = services.GetRequiredService<AccountDirectory>();
        foreach (var user in new[] { "ann", "ben" })
        {
            Assert.True((await accounts.CreateAsync(user, "Notify-pass-7", CancellationToken.None)).Succeeded);
        }

        foreach (var account in await accounts.ListAsync(CancellationToken.None))
        {
            var token = await services.GetRequiredService<AccessTokens>().CreateAsync(account.Id, "notify", DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
            var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
            _clients[account.UserName] = client;
        }
    }

    /// <summary>The API as <paramref name="user"/> (<c>ada</c>, <c>ann</c> or <c>ben</c>).</summary>
    public HttpClient As(string user) => _clients[user];

    /// <summary>Runs a new job of <paramref name="owner"/> that re-profiles a table that does not exist, so it fails; its run id.</summary>
    public async Task<Guid> FailedRunAsync(string owner, string name = "reprofile missing")
    {
        var services = App.Services;
        var job = await services.GetRequiredService<JobDefinitionStore>().CreateAsync(
            new JobDraft(name, JobKind.QualityReprofile, SecurablePath.ForTable("main", "s", "missing"), "0 3 * * *", "UTC"), owner);
        var run = await services.GetRequiredService<JobRunStore>().QueueAsync(job.Kind, job.Table, job.Id, owner);
        Assert.Equal(JobRunStatus.Failed, await services.GetRequiredService<JobRunner>().RunAsync(run.Id, CancellationToken.None));
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
}
