using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Tables.Errors;

/// <summary>
/// The table's log cannot be replayed: a malformed or truncated commit, a missing protocol or metadata, or a gap
/// in versions. The message names the file or version.
/// </summary>
public sealed class CorruptTableException(string message, Exception? inner = null) : NeuroLakeException(message, inner);
