using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// Dedicated threads running at a raised nice value (lower CPU priority), for DuckDB work that must yield the cores to
/// interactive queries. With one DuckDB thread a statement executes on its calling thread, so running that call here
/// lowers the statement's priority; the caller waits, idle. Linux only: elsewhere, or when the nice value cannot be
/// set, the threads run at normal priority.
/// </summary>
internal static partial class NicedThreads
{
    private static readonly ConcurrentDictionary<int, BlockingCollection<Action>> Queues = new();

    /// <summary>Runs <paramref name="work"/> on a thread of nice value <paramref name="nice"/> and waits for it.</summary>
    public static T Run<T>(int nice, Func<T> work)
    {
        var queue = Queues.GetOrAdd(nice, Start);
        T result = default!;
        Exception? error = null;
        using var done = new ManualResetEventSlim();
        queue.Add(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                error = e;
            }
            finally
            {
                done.Set();
            }
        });
        done.Wait();
        if (error is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }

        return result;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a new thread named <paramref name="name"/>, at nice value <paramref name="nice"/>
    /// when given, and waits. Threads the work starts inherit the name and the nice value (Linux copies both into a new
    /// thread): how DuckDB's worker threads, started while a database opens, get the priority.
    /// </summary>
    /// <param name="unniced">Why the nice value could not be set; null when it was, or when none was asked.</param>
    public static T RunOnNewThread<T>(string name, int? nice, Func<T> work, out string? unniced)
    {
        T result = default!;
        Exception? error = null;
        string? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                failure = nice is { } n ? Apply(n) : null;
                result = work();
            }
            catch (Exception e)
            {
                error = e;
            }
        })
        { IsBackground = true, Name = name };
        thread.Start();
        thread.Join();
        if (error is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }

        unniced = failure;
        return result;
    }

    /// <summary>Sets the calling thread's nice value; returns why it could not, or null.</summary>
    private static string? Apply(int nice)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "thread priorities are set only on Linux";
        }

        // PRIO_PROCESS with a thread id sets that thread's nice value on Linux; raising it needs no privilege.
        return SetPriority(0, GetThreadId(), nice) == 0 ? null : $"setpriority failed with errno {Marshal.GetLastPInvokeError()}";
    }

    private static BlockingCollection<Action> Start(int nice)
    {
        var queue = new BlockingCollection<Action>();
        for (var i = 0; i < Math.Max(2, Environment.ProcessorCount); i++)
        {
            new Thread(() =>
            {
                _ = Apply(nice);

                foreach (var work in queue.GetConsumingEnumerable())
                {
                    work();
                }
            })
            { IsBackground = true, Name = $"duckdb-nice{nice}-{i}" }.Start();
        }

        return queue;
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
