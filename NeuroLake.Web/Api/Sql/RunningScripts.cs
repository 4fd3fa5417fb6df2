using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace NeuroLake.Web.Api.Sql;

/// <summary>
/// SQL scripts running in this process under a caller-chosen id, so a script that sent <c>"id"</c> with its request can
/// cancel it from another connection. An id belongs to the user who started it: another user's cancel finds nothing
/// (administrators may cancel any). Ids are forgotten when the script ends.
/// </summary>
public sealed partial class RunningScripts
{
    private readonly ConcurrentDictionary<string, (string User, CancellationTokenSource Cancel)> _running = new(StringComparer.Ordinal);

    /// <summary>Why <paramref name="id"/> cannot name a script, or null when it can.</summary>
    public static string? Invalid(string id) =>
        IdPattern().IsMatch(id) ? null : $"\"id\" must be 1 to 64 letters, digits, '-' or '_'; it was '{(id.Length > 64 ? id[..64] + "…" : id)}'.";

    /// <summary>Registers a running script; null when <paramref name="id"/> already names one (the caller must pick another).</summary>
    public Registration? Start(string id, string user, CancellationToken requestAborted)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        if (_running.TryAdd(id, (user, cancel)))
        {
            return new Registration(this, id, cancel);
        }
        cancel.Dispose();
        return null;
    }

    /// <summary>Cancels the script <paramref name="id"/> if <paramref name="user"/> started it (or is an administrator); false when there is none to cancel.</summary>
    public bool Cancel(string id, string user, bool isAdmin)
    {
        if (!_running.TryGetValue(id, out var running) || (!isAdmin && running.User != user))
        {
            return false;
        }
        running.Cancel.Cancel();
        return true;
    }

    /// <summary>A running script's cancellation; disposing it forgets the id.</summary>
    public sealed class Registration(RunningScripts owner, string id, CancellationTokenSource cancel) : IDisposable
    {
        public CancellationToken Token => cancel.Token;

        public void Dispose()
        {
            owner._running.TryRemove(id, out _);
            cancel.Dispose();
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
