using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Tables.Errors;

/// <summary>A write the table cannot accept as asked (schema mismatch, bad replaceWhere, append-only table ...).</summary>
public sealed class InvalidTableOperationException(string message, Exception? inner = null) : NeuroLakeException(message, inner);
