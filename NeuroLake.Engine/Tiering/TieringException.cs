using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Tiering;

/// <summary>A tiering request that cannot be served as asked; the message says what to do instead.</summary>
public sealed class TieringException(string message) : NeuroLakeException(message);
