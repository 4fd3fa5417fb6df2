using NeuroLake.Engine.Settings;
using NeuroLake.Web.Api.Admin;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Settings;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/admin/settings</c>: what Admin → Settings does, for administrators — read the run-time settings and change
/// some, read and validated as the form does (<see cref="SettingsDraft"/>, then <see cref="SettingsStore"/>, which
/// audits each changed setting). A refused change lists every problem and stores nothing.
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
        return app;
    }

    private static SettingsJson Describe(SettingsStore store) => new(
        SettingsValuesJson.From(SettingsDraft.From(store.Current)),
        SettingsValuesJson.From(SettingsDraft.From(store.Configured)),
        store.Overrides.ToDictionary(o => o.Key, o => new SettingOverrideJson(o.Value.By, o.Value.At)));

    private static IResult Invalid(IReadOnlyList<string> problems) =>
        Results.Problem(title: "Settings not saved", detail: string.Join(" ", problems), statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["problems"] = problems });
}
