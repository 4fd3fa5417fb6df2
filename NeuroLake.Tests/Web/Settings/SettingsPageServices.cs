using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Settings;
using NeuroLake.Tests.Web.Cost;
using NeuroLake.Web.Identity;

namespace NeuroLake.Tests.Web.Settings;

/// <summary>What Admin → Settings injects, taken from a running workbench, with <paramref name="user"/> as the signed-in user.</summary>
internal static class SettingsPageServices
{
    public static void AddSettingsPage(this BunitContext context, IServiceProvider app, string user)
    {
        context.Services.AddSingleton(app.GetRequiredService<SettingsStore>());
        context.Services.AddSingleton(app.GetRequiredService<IOptions<NeuroLakeOptions>>());
        context.Services.AddSingleton(app.GetRequiredService<SignInMode>());
        context.Services.AddSingleton(app.GetRequiredService<AccountDirectory>());
        context.Services.AddSingleton(app.GetRequiredService<GroupDirectory>());
        context.Services.AddScoped<SignInModeSwitch>();
        // The page's price book form, and the privileges, audit and user the mode switch shares with it.
        context.AddCostServices(app, user);
    }
}
