namespace NeuroLake.Engine.Tiering;

/// <summary>What a tiering run did: files and bytes moved, plan entries skipped (stale or failed, each with why), leftovers cleaned.</summary>
public sealed record TieringRunResult(int Moved, long BytesMoved, int Cleaned, IReadOnlyList<string> Skipped, decimal? MonthlySaving, string? Currency);
