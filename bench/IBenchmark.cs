namespace NeuroLake.Bench;

/// <summary>A benchmark the runner can start by name; it ends by printing one <c>RESULT &lt;name&gt; key=value ...</c> line.</summary>
public interface IBenchmark
{
    /// <summary>The name given on the command line, e.g. <c>duckdb-read</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what is measured.</summary>
    string Description { get; }

    Task RunAsync(string[] args, CancellationToken cancellationToken);
}
