using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Cost;

/// <summary>A price book or cost question the engine cannot accept; the message says what to change.</summary>
public sealed class CostException(string message) : NeuroLakeException(message);
