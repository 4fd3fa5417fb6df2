namespace NeuroLake.Bench;

/// <summary>
/// The runner: <c>dotnet run -c Release --project bench -- &lt;name&gt; [args...]</c>. A named class (not top-level
/// statements) so its Program does not clash with the web app's in projects that reference both.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var benchmark = args.Length > 0 ? BenchmarkCatalog.All.FirstOrDefault(b => b.Name == args[0]) : null;
        if (benchmark is null)
        {
            Console.Error.WriteLine(args.Length == 0 ? "Name a benchmark to run." : $"Unknown benchmark '{args[0]}'.");
            Console.Error.WriteLine("Available benchmarks:");
            foreach (var known in BenchmarkCatalog.All)
            {
                Console.Error.WriteLine($"  {known.Name,-16} {known.Description}");
            }

            return 1;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        await benchmark.RunAsync(args[1..], cancellation.Token);
        return 0;
    }
}
