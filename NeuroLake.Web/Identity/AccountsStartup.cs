using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Web.Identity;

/// <summary>
/// Brings the accounts tables to the latest migration at start (after the catalog's, which creates the database file)
/// and creates the administrator named in <c>NeuroLake:Admin</c> when there is no account yet.
/// </summary>
internal sealed partial class AccountsStartup(
    IServiceProvider services, FirstAdministrator firstAdministrator, IOptions<AdminAccountOptions> admin, ILogger<AccountsStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Database.MigrateAsync(cancellationToken);
        }

        var configured = admin.Value;
        if (string.IsNullOrWhiteSpace(configured.UserName) || !await firstAdministrator.IsNeededAsync(cancellationToken))
        {
            return;
        }

        var result = await firstAdministrator.CreateAsync(configured.UserName, configured.Password ?? "", AdminAccountOptions.SectionName, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "NeuroLake:Admin could not create the first administrator: " + string.Join(" ", result.Errors.Select(e => e.Description)) +
                " Fix NeuroLake__Admin__UserName / NeuroLake__Admin__Password, or unset them and use the setup page.");
        }

        LogAdministratorCreated(configured.UserName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Created the first administrator {UserName} from NeuroLake:Admin")]
    private partial void LogAdministratorCreated(string userName);
}
