using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Tests.DuckDb;

public sealed class NicedThreadsTests
{
    [Fact]
    public void Work_runs_on_a_thread_of_the_asked_nice_value_and_its_exceptions_reach_the_caller()
    {
        var nice = NicedThreads.Run(10, ThreadNice);
        var own = ThreadNice();

        Assert.Equal(10, nice);
        Assert.Equal(0, own);
        Assert.Equal("boom", Assert.Throws<InvalidOperationException>(() => NicedThreads.Run<int>(10, () => throw new InvalidOperationException("boom"))).Message);
    }

    private static int ThreadNice() => ThreadPriorities.Nice(File.ReadAllText("/proc/thread-self/stat"));
}
