using System.Runtime.InteropServices;

namespace NeuroLake.Bench;

/// <summary>The process's CPU clock (<c>clock_gettime(CLOCK_PROCESS_CPUTIME_ID)</c>): every thread's CPU time, to the nanosecond.</summary>
internal static partial class ProcessCpuClock
{
    private const int ProcessCpuTimeId = 2;

    /// <summary>The CPU time the process has used so far; null where the clock cannot be read.</summary>
    public static TimeSpan? Now() =>
        ClockGetTime(ProcessCpuTimeId, out var time) == 0 ? TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100) : null;

    /// <summary>
    /// The CPU time used so far in ms: from this clock on Linux, else from .NET's counter (which counts 10 ms ticks on
    /// Linux, hence the clock).
    /// </summary>
    public static double Milliseconds() =>
        OperatingSystem.IsLinux() && Now() is { } now ? now.TotalMilliseconds : Environment.CpuUsage.TotalTime.TotalMilliseconds;

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
