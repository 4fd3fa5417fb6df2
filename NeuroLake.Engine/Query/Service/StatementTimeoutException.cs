using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Query.Service;

/// <summary>A statement ran past <see cref="QueryServiceOptions.StatementTimeout"/> and was stopped.</summary>
public sealed class StatementTimeoutException(string message) : NeuroLakeException(message);
