Console.WriteLine("benchmarks arrive with the DuckDB binding");
