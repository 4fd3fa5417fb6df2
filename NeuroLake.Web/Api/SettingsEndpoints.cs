using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Settings;
using NeuroLake.Web.Api.Admin;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Settings;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/admin/settings</c>: what Admin → Settings does, for administrators — read the run-time settings and change
/// some, read and validated as the form does (<see cref="SettingsDraft"/>, then <see cref="SettingsStore"/>, which
/// audits each changed setting). A refused change lists every problem and stores nothing. The sign-in mode has its own
/// endpoint, with the page's checks (<see cref="SignInModeSwitch"/>).
/// </summary>
public static class SettingsEndpoints
{
    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var settings = AdminApi.Group(app, "settings");
        settings.MapGet("/", (SettingsStore store) => Results.Ok(Describe(store)))
            .WithName("GetSettings")
            .WithSummary("The run-time settings in effect, their configured values, and who overrode which.")
            .Produces<SettingsJson>();
        settings.MapPatch("/", async (SettingsValuesJson change, SettingsStore store, IWorkbenchUser user, CancellationToken ct) =>
            {
                if (change.AuthMode is { } mode && !string.Equals(mode.Trim(), store.Current.AuthMode.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    return Invalid(["The sign-in mode is not changed here: PUT /api/v1/admin/settings/auth-mode {\"mode\": \"Accounts\"} (or \"Single\" with \"confirmOpenToEveryone\": true)."]);
                }

                var (next, problems) = change.ApplyTo(SettingsDraft.From(store.Current)).ToSettings(store.Current);
                if (problems.Count > 0)
                {
                    return Invalid(problems);
                }

                try
                {
                    await store.SaveAsync(next!, user.Name, ct);
                }
                catch (SettingsException e)
                {
                    return Invalid(e.Problems);
                }

                return Results.Ok(Describe(store));
            })
            .WithName("ChangeSettings")
            .WithSummary("Changes the settings given (others keep their values); applies from the next statement, upload, clean-up and new table. Each change is audited.")
            .Produces<SettingsJson>();
        settings.MapPut("/auth-mode", (AuthModeRequest body, SignInModeSwitch modes, SettingsStore store, CancellationToken ct) =>
                AdminApi.HandleAsync("Sign-in mode not changed", async () =>
                {
                    if (!Enum.TryParse<AuthMode>(body.Mode?.Trim(), ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || body.Mode!.Trim().All(char.IsAsciiDigit))
                    {
                        throw new BadApiRequestException($"'{body.Mode}' is not a sign-in mode: give \"Accounts\" (people sign in) or \"Single\" (no sign-in).");
                    }

                    await modes.SwitchAsync(mode, body.ConfirmOpenToEveryone == true, ct);
                    return Results.Ok(Describe(store));
                }))
            .WithName("ChangeAuthMode")
            .WithSummary("Switches the sign-in mode from the next request on. Single needs confirmOpenToEveryone: true (anyone reaching the port becomes an administrator); Accounts needs an enabled administrator account with a password. Audited.")
            .Produces<SettingsJson>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static SettingsJson Describe(SettingsStore store) => new(
        SettingsValuesJson.From(SettingsDraft.From(store.Current), store.Current.AuthMode),
        SettingsValuesJson.From(SettingsDraft.From(store.Configured), store.Configured.AuthMode),
        store.Overrides.ToDictionary(o => o.Key, o => new SettingOverrideJson(o.Value.By, o.Value.At)));

    private static IResult Invalid(IReadOnlyList<string> problems) =>
        Results.Problem(title: "Settings not saved", detail: string.Join(" ", problems), statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["problems"] = problems });
}
