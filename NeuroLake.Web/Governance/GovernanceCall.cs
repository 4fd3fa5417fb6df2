using NeuroLake.Engine.Errors;

namespace NeuroLake.Web.Governance;

/// <summary>
/// Runs an administrator's change on the engine's governance services and turns a refusal (bad name, unknown group,
/// permission denied) into the message the page shows in place: the engine's messages already say how to fix it.
/// </summary>
public static class GovernanceCall
{
    /// <returns>Null when the change went through; otherwise what was wrong.</returns>
    public static async Task<string?> RunAsync(Func<Task> change)
    {
        try
        {
            await change();
            return null;
        }
        catch (NeuroLakeException refused)
        {
            return refused.Message;
        }
        catch (FormatException unreadable)
        {
            return unreadable.Message; // SecurableInput's: what was typed could not name a securable
        }
    }
}
