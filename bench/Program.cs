using NeuroLake.Bench;

// dotnet run -c Release --project bench -- <name> [args...]
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
