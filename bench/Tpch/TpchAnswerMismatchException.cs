namespace NeuroLake.Bench.Tpch;

/// <summary>A query's answer differs from the expected one; the message names the query and the row.</summary>
internal sealed class TpchAnswerMismatchException(string message) : Exception(message);
