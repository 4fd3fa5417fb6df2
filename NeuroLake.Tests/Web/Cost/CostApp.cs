using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Web.Api;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Tests.Web.Jobs;
using NeuroLake.Web.Audit;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Components.Shared;
using NeuroLake.Web.Cost;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Tests.Web.Cost;

/// <summary>
/// <see cref="TokenApiApp"/>'s sales and hr tables with measured usage: the administrator <c>ada</c> built them and read
/// <c>hr.salaries</c>, the analyst <c>ann</c> (SELECT in sales only) read <c>sales.orders</c>, the storage metering
/// system job measured every table today, and <see cref="Prices"/> is the price book in force.
/// </summary>
internal static class CostApp
{
    /// <summary>Prices high enough that a few kilobytes cost more than a millionth, so the figures shown are not all zero.</summary>
    public static PriceBook Prices { get; } = PriceBookPresets.Aws with
    {
        Name = "Test prices", LocalDiskPerGbMonth = 1_000_000m, MachinePerHour = 3_600m, MachineCores = 2,
    };

    public static async Task<TokenApiApp> StartAsync(IReadOnlyDictionary<string, string>? catalog = null)
    {
        var app = await TokenApiApp.StartAsync(catalog: catalog);
        var services = app.App.Services;
        var queries = services.GetRequiredService<QueryService>();
        await queries.ExecuteAsync("SELECT sum(amount) FROM sales.orders", new QueryRequest(TokenApiApp.Analyst));
        await queries.ExecuteAsync("SELECT sum(salary) FROM hr.salaries", new QueryRequest(AccountsApp.AdminName));
        var run = await services.GetRequiredService<JobScheduler>().RunNowAsync(SystemJobs.StorageMeteringId, AccountsApp.AdminName, CancellationToken.None);
        Assert.Equal(JobRunStatus.Succeeded, (await CleanupJobsTests.WaitForFinishAsync(app.App, run.Id)).Status);
        await services.GetRequiredService<PriceBookStore>().SaveAsync(Prices, AccountsApp.AdminName);
        return app;
    }

    /// <summary>Today's measured storage bytes of <paramref name="table"/> (dotted name).</summary>
    public static async Task<long> StoredBytesAsync(IServiceProvider services, string table)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return (await services.GetRequiredService<StorageDayStore>().ListAsync(today, today)).Where(d => d.Table == table).Sum(d => d.TotalBytes);
    }

    /// <summary>What <see cref="CostModel"/> charges for <paramref name="bytes"/> kept on the hot tier today under <see cref="Prices"/>.</summary>
    public static decimal HotStorageCost(long bytes)
    {
        var today = DateTime.UtcNow;
        return bytes / 1_073_741_824m / DateTime.DaysInMonth(today.Year, today.Month) * Prices.LocalDiskPerGbMonth;
    }

    /// <summary>Gives a bUnit context the services the price book form and the cost pages inject, from <paramref name="app"/>, as <paramref name="user"/>.</summary>
    public static void AddCostServices(this BunitContext context, IServiceProvider app, string user)
    {
        context.Services.AddSingleton(app.GetRequiredService<PriceBookStore>());
        context.Services.AddSingleton(app.GetRequiredService<PrivilegeEvaluator>());
        context.Services.AddSingleton(app.GetRequiredService<AuditLog>());
        context.Services.AddSingleton(app.GetRequiredService<CostReports>());
        context.Services.AddSingleton(app.GetRequiredService<CostRecommendationActions>());
        context.Services.AddSingleton(app.GetRequiredService<VisibleTables>());
        context.Services.AddSingleton<IWorkbenchUser>(new CostUser(user));
        context.Services.AddScoped<AdminAudit>();
        context.Services.AddScoped<PriceBookEditing>();
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.AddScoped<UserClock>();
        context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private sealed record CostUser(string Name) : IWorkbenchUser;
}
